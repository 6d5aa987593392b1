// SPDX-License-Identifier: GPL-3.0-or-later
// ResultTableModel with a 10 M-row result: 100 Flux-shaped tables (_time, _value, _field) of
// 100,000 rows, each arriving as parser-sized pieces (65,536 rows, the AnnotatedCsvParser
// default) and appended one piece at a time as a stream would. Prints the build time, the
// cost of an append (with the row-count update views see), and ns per data() call for
// random rows (worst case: every call needs the binary search) and for a view painting a
// screen of neighbouring rows. Then CSV export speed of the same rows (to memory, discarded).
// Never fails on time; exit code 1 only if a result is wrong.
#include "core/query/CsvWriter.h"
#include "core/query/ResultTableModel.h"

#include <QCoreApplication>
#include <QIODevice>

#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

using namespace sasquatch;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kTables = 100;
constexpr int kRowsPerTable = 100'000;
constexpr int kPieceRows = 65'536;
constexpr std::int64_t kStart = 1'795'403'520LL * 1'000'000'000; // 2026-11-23T03:12:00Z

// Swallows what it is given and counts it: CSV speed without a disk in the way.
class CountingDevice : public QIODevice
{
public:
    qint64 bytes = 0;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 size) override
    {
        bytes += size;
        return size;
    }
};

double secondsSince(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

std::vector<ResultTable> makePieces()
{
    std::vector<ResultTable> pieces;
    std::uint64_t x = 88172645463325252ULL;
    for (int t = 0; t < kTables; ++t) {
        const std::string field = "zForce" + std::to_string(t);
        for (int first = 0; first < kRowsPerTable; first += kPieceRows) {
            ResultTable piece("_result", t);
            piece.setContinuation(first == 0 ? Continuation::No : Continuation::Yes);
            ResultColumn &time = piece.addColumn("_time", ColumnType::DateTime);
            ResultColumn &value = piece.addColumn("_value", ColumnType::Double);
            ResultColumn &name = piece.addColumn("_field", ColumnType::String, GroupKey::Yes);
            const int rows = std::min(kPieceRows, kRowsPerTable - first);
            piece.reserveRows(static_cast<std::size_t>(rows));
            for (int r = first; r < first + rows; ++r) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                time.appendInt64(kStart + std::int64_t{r} * 20'000'000 + static_cast<std::int64_t>(x % 997));
                value.appendDouble(static_cast<double>(static_cast<std::int64_t>(x >> 11) % 20'000'000) / 7919.0 - 1200.0);
                name.appendString(field);
                piece.endRow();
            }
            pieces.push_back(std::move(piece));
        }
    }
    return pieces;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);

    auto t0 = Clock::now();
    std::vector<ResultTable> pieces = makePieces();
    const double makeSeconds = secondsSince(t0);
    std::printf("made %zu pieces (%d tables x %d rows) in %.2f s (test data, not the model)\n", pieces.size(), kTables,
                kRowsPerTable, makeSeconds);

    ResultTableModel model;
    int rowSignals = 0;
    QObject::connect(&model, &QAbstractItemModel::rowsInserted, &model, [&rowSignals] { ++rowSignals; });
    double worstAppend = 0;
    t0 = Clock::now();
    for (ResultTable &piece : pieces) {
        const auto a0 = Clock::now();
        model.appendTable(std::move(piece));
        (void)model.rowCount(); // what a view reads after rowsInserted
        worstAppend = std::max(worstAppend, secondsSince(a0));
    }
    const double buildSeconds = secondsSince(t0);
    std::printf("appended %zu pieces: %.3f ms total, %.2f us per append on average, worst %.2f us; %d rowsInserted\n",
                model.pieceCount(), buildSeconds * 1e3, buildSeconds * 1e6 / double(model.pieceCount()),
                worstAppend * 1e6, rowSignals);
    if (model.rowCountTotal() != std::int64_t{kTables} * kRowsPerTable || model.tableCount() != std::size_t(kTables)
        || model.rowCount() != kTables * kRowsPerTable) {
        std::fprintf(stderr, "wrong counts: %lld rows, %zu tables\n", static_cast<long long>(model.rowCountTotal()),
                     model.tableCount());
        return 1;
    }

    // Random rows: the cache misses almost always, so this is the binary search plus the text.
    std::mt19937_64 rng(42);
    std::uniform_int_distribution<int> anyRow(0, model.rowCount() - 1);
    std::uniform_int_distribution<int> anyColumn(0, model.columnCount() - 1);
    constexpr int kCalls = 1'000'000;
    std::vector<int> rows(kCalls);
    std::vector<int> columns(kCalls);
    for (int i = 0; i < kCalls; ++i) {
        rows[std::size_t(i)] = anyRow(rng);
        columns[std::size_t(i)] = anyColumn(rng);
    }
    std::size_t chars = 0;
    t0 = Clock::now();
    for (int i = 0; i < kCalls; ++i)
        chars += std::size_t(model.data(model.index(rows[std::size_t(i)], columns[std::size_t(i)])).toString().size());
    const double randomSeconds = secondsSince(t0);
    std::printf("data(DisplayRole), random cells: %.0f ns per call (%d calls, %zu chars)\n",
                randomSeconds * 1e9 / kCalls, kCalls, chars);

    // Per column type, random rows.
    for (int column = 0; column < model.columnCount(); ++column) {
        t0 = Clock::now();
        for (int i = 0; i < kCalls; ++i)
            chars += std::size_t(model.data(model.index(rows[std::size_t(i)], column)).toString().size());
        std::printf("  column %-8s %.0f ns per call\n", qPrintable(model.headerData(column, Qt::Horizontal).toString()),
                    secondsSince(t0) * 1e9 / kCalls);
    }

    // A view painting 40 neighbouring rows, every column, at random scroll positions.
    constexpr int kScreens = 20'000;
    constexpr int kScreenRows = 40;
    std::uniform_int_distribution<int> anyTop(0, model.rowCount() - kScreenRows);
    t0 = Clock::now();
    for (int s = 0; s < kScreens; ++s) {
        const int top = anyTop(rng);
        for (int r = top; r < top + kScreenRows; ++r)
            for (int c = 0; c < model.columnCount(); ++c)
                chars += std::size_t(model.data(model.index(r, c)).toString().size());
    }
    const double screenCalls = double(kScreens) * kScreenRows * model.columnCount();
    const double screenSeconds = secondsSince(t0);
    std::printf("data(DisplayRole), screens of %d rows: %.0f ns per call, %.1f us per screen\n", kScreenRows,
                screenSeconds * 1e9 / screenCalls, screenSeconds * 1e6 / kScreens);

    t0 = Clock::now();
    std::size_t tableSum = 0;
    for (int i = 0; i < kCalls; ++i)
        tableSum += *model.tableAt(rows[std::size_t(i)]);
    std::printf("tableAt(row), random rows: %.0f ns per call (checksum %zu)\n", secondsSince(t0) * 1e9 / kCalls, tableSum);

    // CSV export of all 10 M rows (what `query --format csv` and the export do).
    CountingDevice sink;
    sink.open(QIODevice::WriteOnly);
    CsvWriter writer(sink);
    t0 = Clock::now();
    std::int64_t row = 0;
    while (row < model.rowCountTotal()) {
        const auto loc = model.locate(static_cast<int>(row));
        if (!writer.writeTable(*loc->piece).ok())
            return 1;
        row += static_cast<std::int64_t>(loc->piece->rowCount());
    }
    if (!writer.finish().ok())
        return 1;
    const double csvSeconds = secondsSince(t0);
    std::printf("CSV export of %lld rows to a counting device: %.2f s, %.1f M rows/s, %.0f MB/s (%lld bytes)\n",
                static_cast<long long>(writer.rowsWritten()), csvSeconds, double(writer.rowsWritten()) / csvSeconds / 1e6,
                double(sink.bytes) / csvSeconds / 1e6, static_cast<long long>(sink.bytes));
    return writer.rowsWritten() == model.rowCountTotal() ? 0 : 1;
}
