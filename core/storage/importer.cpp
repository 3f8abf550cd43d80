#include "core/storage/importer.h"

#include "core/io/atomicfile.h"
#include "core/io/csvreader.h"
#include "core/io/csvwriter.h"
#include "core/storage/importwriter.h"
#include "core/storage/orderfingerprint.h"
#include "core/storage/workspace.h"

#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace mb {

namespace {

// Maps the parse to the first half of the progress bar and the write to the second.
ProgressFn scaled(const ProgressFn &progress, double from, double to)
{
    if (!progress) return {};
    return [progress, from, to](double f) { return progress(from + (to - from) * f); };
}

template <typename Batch>
void takeParseFacts(ImportReport &r, const Batch &b, const TextFile &file)
{
    r.format = b.format;
    r.rowsRead = b.rowsRead;
    r.duplicateRows = b.duplicateRows;
    r.rejected = int64_t(b.rejects.size());
    r.rejects = b.rejects;
    r.notes = b.notes;
    // How the file was decoded comes first: it explains the rejects and every title after it.
    if (!file.note.empty()) r.notes.insert(r.notes.begin(), file.note);
}

bool finishParse(ImportReport &report, const ParseResult &parsed, const ImportRequest &request)
{
    if (parsed.status == ParseStatus::Cancelled) {
        report.status = ImportStatus::Cancelled;
        return false;
    }
    if (parsed.status == ParseStatus::Failed) {
        report.status = ImportStatus::Failed;
        report.error = parsed.error;
        return false;
    }
    if (request.strict && !report.rejects.empty()) {
        const Reject &r = report.rejects.front();
        report.status = ImportStatus::RejectedStrict;
        report.error = request.path + ": line " + std::to_string(r.line) + (r.column.empty() ? "" : ", field \"" + r.column + "\"") +
                       (r.sku.empty() ? "" : " (SKU \"" + r.sku + "\")") +
                       ": " + r.reason + " (strict import: nothing was imported; " + std::to_string(report.rejects.size()) +
                       " row(s) rejected in all)";
        return false;
    }
    return true;
}

// Lines per chunk of a streamed order import: big enough that the per-chunk work (a statement per new
// product, customer and description, the chunk's maps) is noise, small enough that the two or three chunks
// in flight are a few tens of MB whatever the file's size.
constexpr size_t kChunkLines = 65536;
// The first chunk's: the writer starts after the parse of 4,096 lines, not of 65,536 (60 ms on Online Retail).
constexpr size_t kFirstChunkLines = 4096;

// The lines the whole file will give, from the first chunk's lines and the share of the file they came from.
size_t expectedLines(const OrderBatch &first, const TextFile &file)
{
    const size_t size = file.text().size();
    if (first.textEnd == 0 || first.textEnd >= size) return first.lines.size();
    return size_t(double(first.lines.size()) * double(size) / double(first.textEnd));
}

// A parsed chunk and its orders' fingerprints (orderFingerprints), computed on the parsing thread, which has
// time to spare, rather than on the writing one, which sets the import's pace.
struct Chunk {
    OrderBatch batch;
    std::vector<int64_t> fingerprints;
};

Chunk withFingerprints(OrderBatch &&batch)
{
    std::vector<int64_t> prints = orderFingerprints(batch);
    return {std::move(batch), std::move(prints)};
}

// Hands chunks from the parsing thread to the writing one. At most kDepth wait, so the parser runs at most
// that far ahead and memory holds a bounded number of chunks (the one written, the one waiting, the one parsed).
class ChunkQueue {
public:
    static constexpr size_t kDepth = 1;
    // Parser side: false once the writer stopped (the parse then ends as cancelled).
    bool push(Chunk &chunk)
    {
        std::unique_lock<std::mutex> lock(m_);
        space_.wait(lock, [this] { return q_.size() < kDepth || stopped_; });
        if (stopped_) return false;
        q_.push_back(std::move(chunk));
        ready_.notify_one();
        return true;
    }
    void close()
    {
        std::lock_guard<std::mutex> lock(m_);
        closed_ = true;
        ready_.notify_all();
    }
    // Writer side: the next chunk, false when the parser closed the queue and it is empty.
    bool pop(Chunk &out)
    {
        std::unique_lock<std::mutex> lock(m_);
        ready_.wait(lock, [this] { return !q_.empty() || closed_; });
        if (q_.empty()) return false;
        out = std::move(q_.front());
        q_.pop_front();
        space_.notify_one();
        return true;
    }
    void stop()
    {
        std::lock_guard<std::mutex> lock(m_);
        stopped_ = true;
        q_.clear();
        space_.notify_all();
    }
    bool stopped()
    {
        std::lock_guard<std::mutex> lock(m_);
        return stopped_;
    }

private:
    std::mutex m_;
    std::condition_variable ready_, space_;
    std::deque<Chunk> q_;
    bool closed_ = false, stopped_ = false;
};

// An order import streamed (issue #15): the file is parsed on a second thread into chunks of whole orders
// (ParseOptions::onChunk) while this thread writes the chunks before it, all in the import's one
// transaction; a parse failure, a strict reject, a cancel or an error anywhere rolls all of it back. False
// when nothing was written; `scattered` then tells that an order's rows came back after its chunk was
// written, which the caller imports whole instead.
bool streamOrders(Workspace &ws, const ImportRequest &request, const TextFile &file, const ParseOptions &base,
                  ImportReport &report, ParseResult &parsed, bool &scattered)
{
    ChunkQueue queue;
    std::atomic<double> parsedShare{0.0};
    ParseOptions options = base;
    // The parser only records how far it is; the caller's progress function is called on this thread.
    options.progress = [&](double f) {
        parsedShare.store(f, std::memory_order_relaxed);
        return !queue.stopped();
    };
    options.chunkLines = kChunkLines;
    options.firstChunkLines = kFirstChunkLines;
    int64_t handedRows = 0;  // rows of the chunks the parser handed over (parser thread; read after join)
    options.onChunk = [&](OrderBatch &batch) {
        const int64_t rows = batch.rowsRead;
        Chunk chunk = withFingerprints(std::move(batch));
        if (!queue.push(chunk)) {
            batch = std::move(chunk.batch);  // the chunk stays the parser's, counted as its last
            return false;
        }
        handedRows += rows;
        return true;
    };
    OrderBatch last;
    std::thread parser([&] {
        parsed = parseOrders(file, options, last);
        // The last chunk (or, for a format that does not stream, the whole batch).
        if (parsed.status == ParseStatus::Ok) {
            Chunk chunk = withFingerprints(std::move(last));
            queue.push(chunk);
        }
        queue.close();
    });
    const ProgressFn tick = [&](double) {
        return !request.progress || request.progress(parsedShare.load(std::memory_order_relaxed));
    };
    int64_t imported = 0;
    bool strictRefused = false;
    ForeignKeysOff keysOff(ws.db());
    TempOnDisk tempOnDisk(ws.db());
    const bool ok = writeImport(ws, request.path, report, [&](sqlite3 *db, std::string &err) {
        OrderWriter writer(ws, db, request.path, report);
        bool begun = false;
        Chunk next;
        bool drained = false;  // the parser finished (only then is `parsed` its to read)
        for (;;) {
            if (!queue.pop(next)) {
                drained = true;
                break;
            }
            OrderBatch &chunk = next.batch;
            if (report.format.empty()) report.format = chunk.format;
            report.rowsRead += chunk.rowsRead;
            report.duplicateRows += chunk.duplicateRows;
            report.rejects.insert(report.rejects.end(), std::make_move_iterator(chunk.rejects.begin()),
                                  std::make_move_iterator(chunk.rejects.end()));
            report.notes.insert(report.notes.end(), chunk.notes.begin(), chunk.notes.end());
            imported += int64_t(chunk.lines.size());
            // A strict import refuses the file on any reject: nothing more is written, but the parse goes on
            // so the refusal can say how many rows were rejected in all.
            if (request.strict && !report.rejects.empty()) strictRefused = true;
            if (strictRefused) continue;
            if (!begun && !writer.begin(chunk.format, expectedLines(chunk, file), err)) break;
            begun = true;
            if (!writer.write(chunk, next.fingerprints, tick, err) || !tick(0.0)) break;
        }
        if (!drained || !begun || strictRefused || parsed.status != ParseStatus::Ok) {
            queue.stop();
            scattered = writer.scattered();
            if (scattered) err.clear();  // not a failure: the caller imports the file whole
            return false;
        }
        return writer.finish(report.rowsRead, imported, int64_t(report.rejects.size()), report.duplicateRows, err)
               && tick(1.0);
    });
    queue.stop();
    parser.join();
    // A cancelled import says how far the parse read, as an unstreamed one does (the chunks not yet written
    // and the one it stopped in count too).
    if (!ok && parsed.status == ParseStatus::Cancelled) report.rowsRead = handedRows + last.rowsRead;
    report.rejected = int64_t(report.rejects.size());
    if (ok) report.imported = imported;
    return ok;
}

// The fallback of a streamed order import that met an order whose rows come back after its chunk was
// written: the file parsed whole into one batch, then written, as before streaming.
bool importOrdersWhole(Workspace &ws, const ImportRequest &request, TextFile &file, const ParseOptions &options,
                       ImportReport &report)
{
    {
        // What the streamed attempt counted was rolled back with it.
        ImportReport fresh;
        fresh.encoding = report.encoding;
        fresh.delimiter = report.delimiter;
        report = std::move(fresh);
    }
    OrderBatch batch;
    const ParseResult parsed = parseOrders(file, options, batch);
    takeParseFacts(report, batch, file);
    // The batch owns copies of all it needs: the file's text (as big as the file) is not held while
    // SQLite's page cache fills during the write, which is when the import's memory peaks.
    std::string().swap(file.data);
    if (!finishParse(report, parsed, request)) return false;
    report.notes.push_back("the rows of some orders come back after other orders' rows further on in the file, so "
                           "it was imported in one piece, held in memory whole (sort the file by order id to "
                           "import it in bounded memory)");
    report.imported = int64_t(batch.lines.size());
    return writeOrders(ws, batch, request.path, report, scaled(request.progress, 0.5, 1.0));
}

}  // namespace

ImportReport runImport(Workspace &ws, const ImportRequest &request)
{
    ImportReport report;
    if (ws.isReadOnly()) {
        report.status = ImportStatus::Failed;
        report.error = ws.path() + ": the workspace is open read-only; nothing can be imported into it";
        return report;
    }
    // An order file is read once, front to back, chunk by chunk: a big one is mapped, not loaded.
    TextFile file = request.kind == ImportKind::Orders ? TextFile::loadMapped(request.path) : TextFile::load(request.path);
    if (!file.ok()) {
        report.status = ImportStatus::Failed;
        report.error = file.error;
        return report;
    }
    report.encoding = file.encoding;
    report.delimiter = CsvReader::detectDelimiter(file.text());
    ParseOptions options;
    options.format = request.format;
    options.mapping = request.mapping.empty() ? nullptr : &request.mapping;
    options.progress = scaled(request.progress, 0.0, 0.5);
    const ProgressFn writeProgress = scaled(request.progress, 0.5, 1.0);

    bool ok = false;
    if (request.kind == ImportKind::Catalog) {
        CatalogBatch batch;
        const ParseResult parsed = parseCatalog(file, options, batch);
        takeParseFacts(report, batch, file);
        std::string().swap(file.data);  // not held during the write (see the order branch)
        if (!finishParse(report, parsed, request)) return report;
        report.imported = int64_t(batch.products.size());
        ok = writeCatalog(ws, batch, request.path, report, writeProgress);
    } else {
        ParseResult parsed;
        bool scattered = false;
        // (Not inside a transaction this connection holds: the import is then a savepoint of that one.)
        if (sqlite3_db_mutex(ws.db()) && sqlite3_get_autocommit(ws.db())) {
            // This thread's connection is the serialized one the workspace was opened with (the CLI's, a
            // test's). The write runs on a thread of its own, whose connection has no mutex: SQLite locked
            // and unlocked one per bind, step and column call, about 1.5 G of the 8 G instructions of an
            // Online Retail import. This thread only relays progress and a cancel to it.
            std::atomic<double> share{0.0};
            std::atomic<bool> cancel{false};
            std::mutex m;
            std::condition_variable cv;
            bool done = false;
            ImportRequest inner = request;
            inner.progress = [&](double f) {
                share.store(f, std::memory_order_relaxed);
                return !cancel.load(std::memory_order_relaxed);
            };
            std::thread writer([&] {
                ok = streamOrders(ws, inner, file, options, report, parsed, scattered);
                std::lock_guard<std::mutex> lock(m);
                done = true;
                cv.notify_all();
            });
            {
                std::unique_lock<std::mutex> lock(m);
                while (!done) {
                    cv.wait_for(lock, std::chrono::milliseconds(20));
                    if (done || !request.progress) continue;
                    lock.unlock();
                    if (!request.progress(share.load(std::memory_order_relaxed))) cancel.store(true);
                    lock.lock();
                }
            }
            writer.join();
            if (ok && request.progress) request.progress(1.0);
        } else {
            ok = streamOrders(ws, request, file, options, report, parsed, scattered);
        }
        if (!file.note.empty()) report.notes.insert(report.notes.begin(), file.note);
        if (scattered) ok = importOrdersWhole(ws, request, file, options, report);
        else if (!ok && report.status == ImportStatus::Ok) finishParse(report, parsed, request);
    }
    if (!ok && report.status == ImportStatus::Ok) report.status = ImportStatus::Cancelled;
    if (!ok) {
        // Counts describe what was written; after a rollback nothing was.
        report.productsAdded = report.productsUpdated = report.productsUnchanged = 0;
        report.ordersAdded = report.ordersUpdated = report.ordersUnchanged = 0;
        report.linesWritten = report.customersAdded = report.relationsWritten = report.imported = 0;
    }
    return report;
}

bool writeRejectReport(const std::string &path, const std::vector<Reject> &rejects, std::string &error)
{
    std::string out = "line,sku,column,value,reason\n";
    for (const Reject &r : rejects) appendCsvRow(out, {std::to_string(r.line), r.sku, r.column, r.value, r.reason});
    return writeFileAtomically(path, out, error);
}

}  // namespace mb
