// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/series/SeriesStore.h"

#include "core/series/SeriesGroup.h"

#include <QString>

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace sasquatch {

namespace {

constexpr std::int64_t kMinTime = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kMaxTime = std::numeric_limits<std::int64_t>::max();

const SeriesKey &emptyKey()
{
    static const SeriesKey key;
    return key;
}

} // namespace

SeriesStore::SeriesStore() = default;
SeriesStore::SeriesStore(Retention retention) : m_retention(retention) {}
SeriesStore::~SeriesStore() = default;
SeriesStore::SeriesStore(SeriesStore &&) noexcept = default;
SeriesStore &SeriesStore::operator=(SeriesStore &&) noexcept = default;

void SeriesStore::setRetention(Retention retention)
{
    m_retention = retention;
    for (std::uint32_t g = 0; g < m_groups.size(); ++g) {
        if (m_groups[g])
            applyRetention(g);
    }
}

const SeriesStore::Record *SeriesStore::record(SeriesId id) const
{
    if (!id.isValid() || id.value >= m_series.size() || !m_series[id.value].alive)
        return nullptr;
    return &m_series[id.value];
}

std::uint32_t SeriesStore::addGroup(std::unique_ptr<SeriesGroup> group)
{
    if (!m_freeGroups.empty()) {
        const std::uint32_t index = m_freeGroups.back();
        m_freeGroups.pop_back();
        m_groups[index] = std::move(group);
        return index;
    }
    m_groups.push_back(std::move(group));
    return static_cast<std::uint32_t>(m_groups.size() - 1);
}

void SeriesStore::dropGroupIfEmpty(std::uint32_t group)
{
    if (m_groups[group] && m_groups[group]->memberCount() == 0) {
        m_groups[group].reset();
        m_freeGroups.push_back(group);
    }
}

void SeriesStore::reindex(std::uint32_t group)
{
    const SeriesGroup &g = *m_groups[group];
    for (std::size_t slot = 0; slot < g.memberCount(); ++slot) {
        Record &r = m_series[g.memberId(slot).value];
        r.group = group;
        r.slot = static_cast<std::uint32_t>(slot);
    }
}

SeriesId SeriesStore::ensureSeries(const SeriesKey &key)
{
    SeriesKey normal = key;
    normal.tags = normalizedTags(std::move(normal.tags));
    if (const auto it = m_index.find(normal); it != m_index.end())
        return it->second;
    const SeriesId id{static_cast<std::uint32_t>(m_series.size())};
    auto group = std::make_unique<SeriesGroup>();
    group->addMember(id);
    const std::uint32_t g = addGroup(std::move(group));
    m_series.push_back(Record{normal, g, 0, true});
    m_index.emplace(std::move(normal), id);
    return id;
}

std::optional<SeriesId> SeriesStore::find(const SeriesKey &key) const
{
    SeriesKey normal = key;
    normal.tags = normalizedTags(std::move(normal.tags));
    if (const auto it = m_index.find(normal); it != m_index.end())
        return it->second;
    return std::nullopt;
}

bool SeriesStore::contains(SeriesId id) const
{
    return record(id) != nullptr;
}

const SeriesKey &SeriesStore::key(SeriesId id) const
{
    const Record *r = record(id);
    return r ? r->key : emptyKey();
}

std::vector<SeriesId> SeriesStore::seriesIds() const
{
    std::vector<SeriesId> ids;
    for (std::uint32_t i = 0; i < m_series.size(); ++i) {
        if (m_series[i].alive)
            ids.push_back(SeriesId{i});
    }
    return ids;
}

void SeriesStore::removeSeries(SeriesId id)
{
    const Record *r = record(id);
    if (!r)
        return;
    const std::uint32_t group = r->group;
    m_groups[group]->removeMember(r->slot);
    m_index.erase(r->key);
    m_layouts.clear();
    m_series[id.value].alive = false;
    m_series[id.value].key = SeriesKey{};
    reindex(group);
    dropGroupIfEmpty(group);
}

void SeriesStore::clear()
{
    // Ids are never reused, so the records stay (as dead ones).
    for (Record &r : m_series) {
        r.alive = false;
        r.key = SeriesKey{};
    }
    m_index.clear();
    m_layouts.clear();
    m_groups.clear();
    m_freeGroups.clear();
}

Outcome<ApplyResult> SeriesStore::append(const SampleBatch &batch)
{
    return apply(Op::Append, 0, 0, batch);
}

Outcome<ApplyResult> SeriesStore::insertBefore(const SampleBatch &batch)
{
    return apply(Op::InsertBefore, 0, 0, batch);
}

Outcome<ApplyResult> SeriesStore::replaceRange(std::int64_t start_ns, std::int64_t stop_ns, const SampleBatch &batch)
{
    if (start_ns >= stop_ns)
        return Failure{QStringLiteral("Cannot replace the samples of an empty time range (start %1 ns is not before stop %2 ns)")
                           .arg(start_ns)
                           .arg(stop_ns)};
    return apply(Op::Replace, start_ns, stop_ns, batch);
}

const SeriesStore::BatchLayout *SeriesStore::knownLayout(const SampleBatch &batch) const
{
    const auto it = m_layouts.find(batch.topic);
    if (it == m_layouts.end())
        return nullptr;
    const BatchLayout &layout = it->second;
    if (layout.tags != batch.tags || layout.names.size() != batch.fields.size())
        return nullptr;
    for (std::size_t f = 0; f < batch.fields.size(); ++f) {
        if (batch.fields[f].name != layout.names[f] || batch.fields[f].values.size() != batch.times.size())
            return nullptr;
    }
    return &layout;
}

Outcome<ApplyResult> SeriesStore::apply(Op op, std::int64_t start, std::int64_t stop, const SampleBatch &batch)
{
    // A batch laid out like an earlier, validated one of its topic (same tags, same field names
    // in the same order, one value per row) is valid; its series are the ones found then.
    const BatchLayout *known = knownLayout(batch);
    if (!known) {
        if (auto valid = batch.validate(); !valid)
            return valid.failure();
    }
    for (const std::int64_t t : batch.times) {
        // The extreme values stand for "open end" in the splice ranges.
        if (t == kMinTime || t == kMaxTime)
            return Failure{QStringLiteral("Sample batch of %1: a time of %2 ns is out of range")
                               .arg(QString::fromStdString(batch.topic))
                               .arg(t)};
    }
    ApplyResult result;
    if (batch.fields.empty())
        return result;

    const std::vector<std::uint32_t> order = batch.sortedUniqueRows();
    const auto rows = static_cast<std::int64_t>(batch.times.size());

    // The series of each field, and the groups (time columns) they are in now.
    std::vector<SeriesId> ids;
    if (known) {
        ids = known->ids;
    } else {
        ids.resize(batch.fields.size());
        const TagSet tags = normalizedTags(batch.tags);
        for (std::size_t f = 0; f < batch.fields.size(); ++f)
            ids[f] = ensureSeries({batch.topic, batch.fields[f].name, tags});
        BatchLayout layout{batch.tags, {}, ids};
        layout.names.reserve(batch.fields.size());
        for (const BatchField &field : batch.fields)
            layout.names.push_back(field.name);
        m_layouts.insert_or_assign(batch.topic, std::move(layout));
    }
    std::vector<std::pair<std::uint32_t, std::vector<std::size_t>>> touched; // group -> its fields
    m_fieldOfSeries.resize(m_series.size());
    for (std::size_t f = 0; f < batch.fields.size(); ++f) {
        const SeriesId id = ids[f];
        m_fieldOfSeries[id.value] = f;
        const std::uint32_t group = m_series[id.value].group;
        auto it = std::find_if(touched.begin(), touched.end(), [&](const auto &t) { return t.first == group; });
        if (it == touched.end())
            touched.push_back({group, {f}});
        else
            it->second.push_back(f);
    }

    // Copy on write: series that share a time column with series NOT in this batch move to
    // a copy of it, since their rows are about to differ.
    std::vector<std::uint32_t> targets;
    for (const auto &[group, fields] : touched) {
        SeriesGroup &g = *m_groups[group];
        if (fields.size() == g.memberCount()) {
            targets.push_back(group);
            continue;
        }
        std::vector<std::size_t> slots;
        for (const std::size_t f : fields)
            slots.push_back(m_series[ids[f].value].slot);
        auto part = g.extract(slots);
        reindex(group);
        const std::uint32_t moved = addGroup(std::move(part));
        reindex(moved);
        targets.push_back(moved);
    }

    // Series without rows yet (new ones) share one column from the start.
    std::uint32_t emptyTarget = SeriesId::kInvalid;
    std::vector<std::uint32_t> kept;
    for (const std::uint32_t t : targets) {
        if (!m_groups[t]->empty()) {
            kept.push_back(t);
        } else if (emptyTarget == SeriesId::kInvalid) {
            emptyTarget = t;
            kept.push_back(t);
        } else {
            m_groups[emptyTarget]->absorb(*m_groups[t]);
            dropGroupIfEmpty(t);
            reindex(emptyTarget);
        }
    }
    targets = std::move(kept);

    for (const std::uint32_t t : targets) {
        SeriesGroup &g = *m_groups[t];
        std::vector<std::size_t> fieldOfMember(g.memberCount());
        for (std::size_t slot = 0; slot < g.memberCount(); ++slot)
            fieldOfMember[slot] = m_fieldOfSeries[g.memberId(slot).value]; // members are batch fields (split above)
        std::int64_t from = start;
        std::int64_t to = stop;
        if (op == Op::Append) {
            from = g.empty() ? kMinTime : g.times().back() + 1; // back() < kMaxTime (validated)
            to = kMaxTime;
        } else if (op == Op::InsertBefore) {
            from = kMinTime;
            to = g.empty() ? kMaxTime : g.times().front();
        }
        const SeriesGroup::SpliceCounts counts = g.splice(from, to, batch, order, fieldOfMember);
        const auto members = static_cast<std::int64_t>(g.memberCount());
        result.inserted += counts.inserted * members;
        result.replaced += counts.removed * members;
        result.rejected += (rows - counts.inserted) * members;
        result.evicted += applyRetention(t);
    }

    if (op == Op::Replace) {
        // Series of one batch that were loaded separately before (dragged onto the plot one by
        // one) usually come out of a full re-query with identical times: share them again.
        for (std::size_t i = 0; i < targets.size(); ++i) {
            if (!m_groups[targets[i]] || m_groups[targets[i]]->empty())
                continue;
            for (std::size_t j = i + 1; j < targets.size(); ++j) {
                if (!m_groups[targets[j]] || !m_groups[targets[i]]->sameTimes(*m_groups[targets[j]]))
                    continue;
                m_groups[targets[i]]->absorb(*m_groups[targets[j]]);
                dropGroupIfEmpty(targets[j]);
                reindex(targets[i]);
            }
        }
    }
    return result;
}

std::int64_t SeriesStore::applyRetention(std::uint32_t group)
{
    SeriesGroup &g = *m_groups[group];
    if (!m_retention.isWindow() || g.empty())
        return 0;
    const std::int64_t newest = g.times().back();
    const std::int64_t window = m_retention.windowNs();
    if (newest < kMinTime + window)
        return 0; // the window reaches before the first representable time
    return g.evictBefore(newest - window) * static_cast<std::int64_t>(g.memberCount());
}

std::int64_t SeriesStore::evictBefore(std::int64_t t_ns)
{
    std::int64_t evicted = 0;
    for (const auto &g : m_groups) {
        if (g)
            evicted += g->evictBefore(t_ns) * static_cast<std::int64_t>(g->memberCount());
    }
    return evicted;
}

std::int64_t SeriesStore::sampleCount(SeriesId id) const
{
    const Record *r = record(id);
    return r ? static_cast<std::int64_t>(m_groups[r->group]->size()) : 0;
}

std::span<const std::int64_t> SeriesStore::times(SeriesId id) const
{
    const Record *r = record(id);
    return r ? m_groups[r->group]->times() : std::span<const std::int64_t>{};
}

std::span<const double> SeriesStore::values(SeriesId id) const
{
    const Record *r = record(id);
    return r ? m_groups[r->group]->values(r->slot) : std::span<const double>{};
}

std::pair<std::size_t, std::size_t> SeriesStore::indexRange(SeriesId id, std::int64_t start_ns, std::int64_t stop_ns) const
{
    const Record *r = record(id);
    if (!r || start_ns >= stop_ns)
        return {0, 0};
    const SeriesGroup &g = *m_groups[r->group];
    return {g.lowerBound(start_ns), g.lowerBound(stop_ns)};
}

Decimation SeriesStore::decimate(SeriesId id, const PixelGrid &grid, RawPoints raw) const
{
    return std::move(decimate(std::span<const SeriesId>(&id, 1), grid, raw).front());
}

std::vector<Decimation> SeriesStore::decimate(std::span<const SeriesId> ids, const PixelGrid &grid, RawPoints raw) const
{
    std::vector<Decimation> out(ids.size());
    // The boundary search is per time column: do it once for all series sharing one.
    std::unordered_map<std::uint32_t, std::vector<std::size_t>> positions;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const Record *r = record(ids[i]);
        if (!r || !grid.isValid()) {
            out[i].grid = grid;
            out[i].columns.resize(static_cast<std::size_t>(grid.width()));
            continue;
        }
        const SeriesGroup &g = *m_groups[r->group];
        auto it = positions.find(r->group);
        if (it == positions.end())
            it = positions.emplace(r->group, g.gridPositions(grid)).first;
        out[i] = g.decimate(r->slot, grid, it->second, raw);
    }
    return out;
}

RangeStats SeriesStore::stats(SeriesId id, std::int64_t start_ns, std::int64_t stop_ns) const
{
    const Record *r = record(id);
    return r ? m_groups[r->group]->stats(r->slot, start_ns, stop_ns) : RangeStats{};
}

std::optional<SamplePoint> SeriesStore::valueAt(SeriesId id, std::int64_t t_ns, SampleLookup lookup) const
{
    const Record *r = record(id);
    return r ? m_groups[r->group]->valueAt(r->slot, t_ns, lookup) : std::nullopt;
}

void SeriesStore::shrinkToFit()
{
    for (const auto &g : m_groups) {
        if (g)
            g->shrinkToFit();
    }
}

bool SeriesStore::sharesTimes(SeriesId a, SeriesId b) const
{
    const Record *ra = record(a);
    const Record *rb = record(b);
    return ra && rb && ra->group == rb->group;
}

SeriesMemory SeriesStore::memory() const
{
    SeriesMemory m;
    for (const auto &g : m_groups) {
        if (!g)
            continue;
        const auto members = static_cast<std::int64_t>(g->memberCount());
        m.series += members;
        m.points += static_cast<std::int64_t>(g->size()) * members;
        if (!g->empty())
            ++m.timeColumns;
        m.timeBytes += g->timeBytes();
        m.valueBytes += g->valueBytes();
        m.pyramidBytes += g->pyramidBytes();
        m.reservedBytes += g->reservedBytes();
    }
    return m;
}

} // namespace sasquatch
