// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/ResultTableModel.h"

#include <algorithm>
#include <climits>
#include <unordered_set>

namespace sasquatch {

namespace {

bool alignsRight(ColumnType type)
{
    return type == ColumnType::Double || type == ColumnType::Long || type == ColumnType::UnsignedLong;
}

QVariant rightAligned()
{
    return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
}

} // namespace

ResultTableModel::ResultTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ResultTableModel::appendTable(ResultTable table)
{
    std::vector<ResultTable> one;
    one.push_back(std::move(table));
    appendTables(std::move(one));
}

std::vector<ResultTableModel::ColumnInfo> ResultTableModel::newColumns(const std::vector<ResultTable> &tables) const
{
    std::vector<ColumnInfo> added;
    std::unordered_set<std::string> seen;
    for (const ResultTable &t : tables) {
        for (const ResultColumn &c : t.columns()) {
            if (m_columnByName.count(c.name()) != 0 || !seen.insert(c.name()).second)
                continue;
            added.push_back(ColumnInfo{c.name(), c.type()});
        }
    }
    return added;
}

void ResultTableModel::appendTables(std::vector<ResultTable> tables)
{
    if (tables.empty())
        return;
    // Columns first, so that the rows arrive in a model that already has their columns.
    const std::vector<ColumnInfo> added = newColumns(tables);
    if (!added.empty()) {
        const int first = columnCount();
        beginInsertColumns({}, first, first + static_cast<int>(added.size()) - 1);
        for (const ColumnInfo &c : added) {
            m_columnByName.emplace(c.name, kFirstDataColumn + static_cast<int>(m_columns.size()));
            m_columns.push_back(c);
        }
        endInsertColumns();
    }

    std::int64_t addedRows = 0;
    for (const ResultTable &t : tables)
        addedRows += static_cast<std::int64_t>(t.rowCount());
    const int before = visibleRows();
    const auto after = static_cast<int>(std::min<std::int64_t>(m_totalRows + addedRows, INT_MAX));
    if (after > before)
        beginInsertRows({}, before, after - 1);
    for (ResultTable &t : tables)
        store(std::move(t));
    if (after > before)
        endInsertRows();
}

bool ResultTableModel::joinsLastTable(const ResultTable &piece) const
{
    if (!piece.isContinuation() || m_pieces.empty())
        return false;
    const ResultTable &last = m_pieces.back().table;
    return last.resultName() == piece.resultName() && last.tableId() == piece.tableId() && last.hasSameSchema(piece);
}

void ResultTableModel::store(ResultTable table)
{
    const auto rows = static_cast<std::int64_t>(table.rowCount());
    std::size_t tableIndex = 0;
    if (joinsLastTable(table)) {
        tableIndex = m_tables.size() - 1;
    } else {
        TableInfo info;
        info.firstPiece = m_pieces.size();
        info.firstRow = m_totalRows;
        info.columnMap.assign(m_columns.size(), -1);
        for (std::size_t c = 0; c < table.columnCount(); ++c) {
            const int modelColumn = m_columnByName.at(table.column(c).name());
            int &slot = info.columnMap[static_cast<std::size_t>(modelColumn - kFirstDataColumn)];
            if (slot < 0) // a repeated name shows its first column
                slot = static_cast<int>(c);
        }
        tableIndex = m_tables.size();
        m_tables.push_back(std::move(info));
    }
    TableInfo &info = m_tables[tableIndex];
    if (rows > 0) {
        m_indexStart.push_back(m_totalRows);
        m_indexPiece.push_back(static_cast<std::uint32_t>(m_pieces.size()));
    }
    m_pieces.push_back(Piece{std::move(table), tableIndex, info.rowCount});
    info.rowCount += rows;
    m_totalRows += rows;
}

void ResultTableModel::clear()
{
    beginResetModel();
    m_pieces.clear();
    m_tables.clear();
    m_columns.clear();
    m_columnByName.clear();
    m_indexStart.clear();
    m_indexPiece.clear();
    m_totalRows = 0;
    m_lastIndexEntry = 0;
    endResetModel();
}

int ResultTableModel::visibleRows() const
{
    return static_cast<int>(std::min<std::int64_t>(m_totalRows, INT_MAX));
}

std::pair<const ResultTableModel::Piece *, std::size_t> ResultTableModel::pieceOf(int row) const
{
    std::size_t entry = m_lastIndexEntry;
    const std::size_t count = m_indexStart.size();
    // Views ask for every column of a row and for neighbouring rows: usually the same piece.
    if (entry >= count || row < m_indexStart[entry] || (entry + 1 < count && row >= m_indexStart[entry + 1])) {
        const auto it = std::upper_bound(m_indexStart.begin(), m_indexStart.end(), std::int64_t{row});
        entry = static_cast<std::size_t>(it - m_indexStart.begin()) - 1;
        m_lastIndexEntry = entry;
    }
    const Piece &piece = m_pieces[m_indexPiece[entry]];
    return {&piece, static_cast<std::size_t>(row - m_indexStart[entry])};
}

const ResultColumn *ResultTableModel::columnAt(const Piece &piece, int column) const
{
    const auto dataColumn = static_cast<std::size_t>(column - kFirstDataColumn);
    const std::vector<int> &map = m_tables[piece.tableIndex].columnMap;
    if (column < kFirstDataColumn || dataColumn >= map.size() || map[dataColumn] < 0)
        return nullptr;
    return &piece.table.column(static_cast<std::size_t>(map[dataColumn]));
}

std::optional<std::size_t> ResultTableModel::tableAt(int row) const
{
    if (row < 0 || row >= visibleRows())
        return std::nullopt;
    return pieceOf(row).first->tableIndex;
}

const ResultTable &ResultTableModel::tableHead(std::size_t table) const
{
    return m_pieces[m_tables[table].firstPiece].table;
}

std::optional<ResultTableModel::RowLocation> ResultTableModel::locate(int row) const
{
    if (row < 0 || row >= visibleRows())
        return std::nullopt;
    const auto [piece, pieceRow] = pieceOf(row);
    return RowLocation{piece->tableIndex, &piece->table, pieceRow,
                       piece->tableRowOffset + static_cast<std::int64_t>(pieceRow)};
}

int ResultTableModel::columnOf(std::string_view name) const
{
    const auto it = m_columnByName.find(std::string(name));
    return it == m_columnByName.end() ? -1 : it->second;
}

QString ResultTableModel::cellText(int row, int column) const
{
    if (row < 0 || row >= visibleRows() || column < 0 || column >= columnCount())
        return {};
    const auto [piece, pieceRow] = pieceOf(row);
    if (column == kResultColumn)
        return QString::fromStdString(piece->table.resultName());
    if (column == kTableColumn)
        return QString::number(piece->table.tableId());
    const ResultColumn *c = columnAt(*piece, column);
    if (!c || c->isNull(pieceRow))
        return {};
    if (c->type() == ColumnType::String) {
        const std::string_view text = c->stringAt(pieceRow);
        return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    }
    // Numbers, booleans and times are ASCII: one reused buffer, no allocation per cell.
    m_textBuffer.clear();
    c->appendText(pieceRow, m_textBuffer);
    return QString::fromLatin1(m_textBuffer.data(), static_cast<qsizetype>(m_textBuffer.size()));
}

int ResultTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : visibleRows();
}

int ResultTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kFirstDataColumn + static_cast<int>(m_columns.size());
}

QVariant ResultTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= visibleRows() || index.column() >= columnCount())
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return cellText(index.row(), index.column());
    case Qt::TextAlignmentRole: {
        if (index.column() == kTableColumn)
            return rightAligned();
        if (index.column() == kResultColumn)
            return {};
        const ResultColumn *c = columnAt(*pieceOf(index.row()).first, index.column());
        return c && alignsRight(c->type()) ? rightAligned() : QVariant();
    }
    case RawValueRole: {
        const auto [piece, pieceRow] = pieceOf(index.row());
        if (index.column() == kResultColumn)
            return QString::fromStdString(piece->table.resultName());
        if (index.column() == kTableColumn)
            return QVariant::fromValue<qint64>(piece->table.tableId());
        const ResultColumn *c = columnAt(*piece, index.column());
        if (!c || c->isNull(pieceRow))
            return {};
        switch (c->type()) {
        case ColumnType::String: return cellText(index.row(), index.column());
        case ColumnType::Double: return c->doubleAt(pieceRow);
        case ColumnType::Long:
        case ColumnType::DateTime: return QVariant::fromValue<qint64>(c->int64At(pieceRow));
        case ColumnType::UnsignedLong: return QVariant::fromValue<quint64>(c->uint64At(pieceRow));
        case ColumnType::Boolean: return c->boolAt(pieceRow);
        }
        return {};
    }
    default:
        return {};
    }
}

QVariant ResultTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole && section >= 0 && section < visibleRows() ? QVariant(section + 1) : QVariant();
    if (section < 0 || section >= columnCount())
        return {};
    if (section == kResultColumn || section == kTableColumn) {
        const QString name = section == kResultColumn ? QStringLiteral("result") : QStringLiteral("table");
        if (role == Qt::DisplayRole)
            return name;
        if (role == Qt::ToolTipRole)
            return section == kResultColumn ? QStringLiteral("result: the result (Flux yield, InfluxQL statement)")
                                            : QStringLiteral("table: the table within its result");
        return {};
    }
    const ColumnInfo &c = m_columns[static_cast<std::size_t>(section - kFirstDataColumn)];
    if (role == Qt::DisplayRole)
        return QString::fromStdString(c.name);
    if (role == Qt::ToolTipRole) {
        const std::string_view type = columnTypeName(c.type);
        return QString(QString::fromStdString(c.name) + QStringLiteral(": ")
                       + QString::fromLatin1(type.data(), static_cast<qsizetype>(type.size())));
    }
    return {};
}

Qt::ItemFlags ResultTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace sasquatch
