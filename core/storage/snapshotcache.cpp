#include "core/storage/snapshotcache.h"

#include "core/storage/hugepages.h"
#include "core/storage/snapshot.h"
#include "core/storage/statement.h"

#include <QFile>
#include <QSaveFile>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <type_traits>
#include <unordered_map>

#include <sqlite3.h>

namespace mb::snapshotcache {

namespace {

std::atomic<size_t> minLines{200000};

// Sections of the file, each an array of one element type.
enum SectionId {
    CustomerIds,      // int64: SnapshotCustomer::id
    CustomerEnds,     // uint64: end of each customer's external id in CustomerText
    CustomerText,     // chars
    Orders,           // SnapshotOrder with its four SnapshotTexts replaced by offsets into OrderText
    OrderText,        // chars, in TextArena's layout
    Lines,            // SnapshotLine
    BasketStart, BasketItems, BasketOrder,   // uint32
    UnitsSold,        // double
    BasketsWith,      // uint32
    SectionCount
};

struct Section {
    uint64_t offset = 0, bytes = 0, count = 0, checksum = 0;
};

constexpr char Magic[8] = {'M', 'B', 'S', 'N', 'A', 'P', 'C', '\n'};
constexpr uint32_t Format = 2;   // 2: four-lane checksums
constexpr uint32_t Endian = 0x01020304;

struct Header {
    char magic[8];
    uint32_t format, endian;
    uint32_t orderSize, lineSize;   // layouts of the raw structs: a build whose structs differ ignores the file
    Key key;
    Section sections[SectionCount];
    uint64_t checksum;              // of every byte above
};
static_assert(std::is_trivially_copyable_v<Header>);
static_assert(std::is_trivially_copyable_v<SnapshotOrder>);
static_assert(std::is_trivially_copyable_v<SnapshotLine>);
static_assert(sizeof(SnapshotText) == sizeof(uint64_t));

// A fast 64-bit checksum of a byte stream fed in pieces of any size (the writer feeds batches, the reader
// whole sections): catches a damaged or half-written file, it is no defence against a forged one (nor
// needs to be: the file is as trusted as the workspace beside it; indices are still range-checked).
class Hasher {
public:
    // Four independent lanes over 32-byte blocks: the multiplies of one lane wait on each other, four keep
    // the multiplier busy. Each step is a bijection of its lane, so any one changed word changes the value.
    void add(const void *data, size_t n)
    {
        // An empty section comes as (nullptr, 0): memcpy from a null pointer is undefined even for 0 bytes.
        if (n == 0) return;
        auto p = static_cast<const unsigned char *>(data);
        total_ += n;
        if (pending_ > 0) {
            const size_t take = std::min(n, sizeof block_ - pending_);
            std::memcpy(block_ + pending_, p, take);
            pending_ += take, p += take, n -= take;
            if (pending_ < sizeof block_) return;
            mixBlock(block_);
            pending_ = 0;
        }
        for (; n >= sizeof block_; p += sizeof block_, n -= sizeof block_) mixBlock(p);
        std::memcpy(block_, p, n);
        pending_ = n;
    }
    uint64_t value() const
    {
        uint64_t h = total_ * 0x9E3779B97F4A7C15ull;
        for (int k = 0; k < 4; ++k) h = (h ^ lane_[k]) * 0xFF51AFD7ED558CCDull, h ^= h >> 29;
        for (size_t i = 0; i < pending_; ++i) h = (h ^ block_[i]) * 0x100000001B3ull;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53ull;
        h ^= h >> 33;
        return h;
    }

private:
    void mixBlock(const unsigned char *p)
    {
        for (int k = 0; k < 4; ++k) {
            uint64_t w;
            std::memcpy(&w, p + 8 * k, 8);
            uint64_t h = lane_[k] ^ (w * 0x87C37B91114253D5ull);
            lane_[k] = ((h << 31) | (h >> 33)) * 0x4CF5AD432745937Full;
        }
    }
    uint64_t lane_[4] = {0x243F6A8885A308D3ull, 0x13198A2E03707344ull, 0xA4093822299F31D0ull, 0x082EFA98EC4E6C89ull};
    unsigned char block_[32] = {};
    size_t pending_ = 0;
    uint64_t total_ = 0;
};

uint64_t hashOf(const void *data, size_t n)
{
    Hasher h;
    h.add(data, n);
    return h.value();
}

Header makeHeader()
{
    Header h;
    std::memset(static_cast<void *>(&h), 0, sizeof h);   // no indeterminate padding in what is hashed and written
    std::memcpy(h.magic, Magic, sizeof Magic);
    h.format = Format;
    h.endian = Endian;
    h.orderSize = sizeof(SnapshotOrder);
    h.lineSize = sizeof(SnapshotLine);
    return h;
}

uint64_t headerChecksum(const Header &h) { return hashOf(&h, offsetof(Header, checksum)); }

int64_t one(sqlite3 *db, const char *sql, bool &ok)
{
    Statement s(db, sql);
    if (!s.step()) {
        ok = ok && !s.failed();
        return 0;
    }
    return s.isNull(0) ? 0 : s.int64(0);
}

// The offsets of the four texts of an order as the file stores them, in the SnapshotTexts' place.
constexpr size_t textFields[] = {offsetof(SnapshotOrder, externalId), offsetof(SnapshotOrder, country),
                                 offsetof(SnapshotOrder, tags), offsetof(SnapshotOrder, source)};

// Writes sections one after another, each fed in pieces, with its checksum.
class SectionWriter {
public:
    explicit SectionWriter(QSaveFile &f) : f_(f) {}
    void begin(Header &h, SectionId id, uint64_t count)
    {
        cur_ = &h.sections[id];
        cur_->offset = uint64_t(f_.pos());
        cur_->count = count;
        hash_ = Hasher();
    }
    bool add(const void *data, size_t n)
    {
        hash_.add(data, n);
        cur_->bytes += n;
        return n == 0 || f_.write(static_cast<const char *>(data), qint64(n)) == qint64(n);
    }
    void end() { cur_->checksum = hash_.value(); }
    template <class T> bool whole(Header &h, SectionId id, const std::vector<T> &v)
    {
        begin(h, id, v.size());
        const bool ok = add(v.data(), v.size() * sizeof(T));
        end();
        return ok;
    }

private:
    QSaveFile &f_;
    Section *cur_ = nullptr;
    Hasher hash_;
};

class SectionReader {
public:
    SectionReader(QFile &f, const Header &h, uint64_t fileSize) : f_(f), h_(h), size_(fileSize) {}
    template <class T> bool read(SectionId id, std::vector<T> &v, std::string &why)
    {
        const Section &s = h_.sections[id];
        if (s.count > (uint64_t(1) << 40) / sizeof(T) || s.bytes != s.count * sizeof(T) || s.offset > size_ ||
            s.bytes > size_ - s.offset) {
            why = "section " + std::to_string(int(id)) + " lies outside the file (truncated?)";
            return false;
        }
        v.clear();
        reserveHuge(v, size_t(s.count));   // before resize touches it: see hugepages.h
        v.resize(size_t(s.count));
        if (!f_.seek(qint64(s.offset)) || f_.read(reinterpret_cast<char *>(v.data()), qint64(s.bytes)) != qint64(s.bytes)) {
            why = "section " + std::to_string(int(id)) + " cannot be read: " + f_.errorString().toStdString();
            return false;
        }
        if (hashOf(v.data(), size_t(s.bytes)) != s.checksum) {
            why = "section " + std::to_string(int(id)) + " fails its checksum (damaged)";
            return false;
        }
        return true;
    }
    // A char section straight into a block of its own (the text arena adopts it), one zero byte after it.
    bool read(SectionId id, std::unique_ptr<char[]> &block, size_t &bytes, std::string &why)
    {
        const Section &s = h_.sections[id];
        if (s.bytes != s.count || s.offset > size_ || s.bytes > size_ - s.offset) {
            why = "section " + std::to_string(int(id)) + " lies outside the file (truncated?)";
            return false;
        }
        bytes = size_t(s.bytes);
        block.reset(new char[bytes + 1]);   // not zeroed: the read fills it, and into huge pages
        adviseHugePages(block.get(), bytes + 1);
        block[bytes] = 0;
        if (!f_.seek(qint64(s.offset)) || f_.read(block.get(), qint64(bytes)) != qint64(bytes)) {
            why = "section " + std::to_string(int(id)) + " cannot be read: " + f_.errorString().toStdString();
            return false;
        }
        if (hashOf(block.get(), bytes) != s.checksum) {
            why = "section " + std::to_string(int(id)) + " fails its checksum (damaged)";
            return false;
        }
        return true;
    }

private:
    QFile &f_;
    const Header &h_;
    uint64_t size_;
};

}  // namespace

bool readKey(sqlite3 *db, const std::vector<SnapshotProduct> &products, Key &key, std::string &error)
{
    bool ok = true;
    key = Key();
    key.schemaVersion = one(db, "PRAGMA user_version", ok);
    {
        Statement s(db, "SELECT key, value FROM meta WHERE key IN ('history_version', 'history_stamp')");
        while (s.step()) {
            const std::string_view k = s.textView(0), v = s.textView(1);
            if (k == "history_version") key.historyVersion = std::strtoll(std::string(v).c_str(), nullptr, 10);
            else key.historyStamp = hashOf(v.data(), v.size()) | 1;   // 0 stays "never stamped"
        }
        ok = ok && !s.failed();
    }
    // count(*) walks the smallest index's pages (30 ms at 5M lines, warm); max(rowid) is one look-up.
    key.orders = one(db, "SELECT count(*) FROM orders", ok);
    key.ordersMaxId = one(db, "SELECT max(rowid) FROM orders", ok);
    key.lines = one(db, "SELECT count(*) FROM order_lines", ok);
    key.linesMaxId = one(db, "SELECT max(rowid) FROM order_lines", ok);
    key.customers = one(db, "SELECT count(*) FROM customers", ok);
    key.customersMaxId = one(db, "SELECT max(rowid) FROM customers", ok);
    key.products = int64_t(products.size());
    Hasher ids;
    for (const SnapshotProduct &p : products) ids.add(&p.id, sizeof p.id);
    key.productIds = ids.value();
    if (!ok) error = std::string("cannot read the snapshot cache's key: ") + sqlite3_errmsg(db);
    return ok;
}

std::string pathFor(const std::string &workspacePath) { return workspacePath + "-snapshot"; }

bool enabled()
{
    const char *v = std::getenv("MERCHBENCH_SNAPSHOT_CACHE");
    return !v || std::strcmp(v, "0") != 0;
}

size_t minimumLines() { return minLines; }
void setMinimumLines(size_t lines) { minLines = lines; }

const char *resultName(ReadResult r)
{
    switch (r) {
    case ReadResult::Used: return "used";
    case ReadResult::Missing: return "missing";
    case ReadResult::Stale: return "stale";
    case ReadResult::Damaged: return "damaged";
    }
    return "?";
}

ReadResult read(const std::string &file, const Key &key, Snapshot &snap, std::string *whyOut)
{
    std::string why;
    auto fail = [&](ReadResult r, const std::string &what) {
        if (whyOut) *whyOut = file + ": " + what;
        return r;
    };
    QFile f(QString::fromStdString(file));
    if (!f.exists()) return fail(ReadResult::Missing, "no cache");
    if (!f.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) return fail(ReadResult::Missing, "cannot open: " + f.errorString().toStdString());
    const uint64_t size = uint64_t(f.size());
    Header h;
    if (size < sizeof h || f.read(reinterpret_cast<char *>(&h), sizeof h) != qint64(sizeof h))
        return fail(ReadResult::Damaged, "shorter than its header");
    if (std::memcmp(h.magic, Magic, sizeof Magic) != 0) return fail(ReadResult::Damaged, "not a Merchbench snapshot cache");
    if (headerChecksum(h) != h.checksum) return fail(ReadResult::Damaged, "header fails its checksum");
    if (h.format != Format || h.endian != Endian || h.orderSize != sizeof(SnapshotOrder) || h.lineSize != sizeof(SnapshotLine))
        return fail(ReadResult::Stale, "written by another Merchbench build (format " + std::to_string(h.format) + ")");
    if (!(h.key == key)) return fail(ReadResult::Stale, "written for another state of the workspace");

    SectionReader in(f, h, size);
    std::vector<int64_t> customerIds;
    std::vector<uint64_t> customerEnds;
    std::vector<char> customerText;
    std::vector<SnapshotOrder> orders;
    std::unique_ptr<char[]> orderText;
    size_t textSize = 0;
    std::vector<SnapshotLine> lines;
    std::vector<uint32_t> basketStart, basketItems, basketOrder, basketsWith;
    std::vector<double> unitsSold;
    if (!in.read(CustomerIds, customerIds, why) || !in.read(CustomerEnds, customerEnds, why) ||
        !in.read(CustomerText, customerText, why) || !in.read(Orders, orders, why) || !in.read(OrderText, orderText, textSize, why) ||
        !in.read(Lines, lines, why) || !in.read(BasketStart, basketStart, why) || !in.read(BasketItems, basketItems, why) ||
        !in.read(BasketOrder, basketOrder, why) || !in.read(UnitsSold, unitsSold, why) || !in.read(BasketsWith, basketsWith, why))
        return fail(ReadResult::Damaged, why);

    // Every index is checked before anything may follow it, so even a file that passed its checksums by
    // accident cannot make a reader step outside an array.
    const size_t nProducts = snap.products.size();
    if (customerEnds.size() != customerIds.size()) return fail(ReadResult::Damaged, "customer sections disagree");
    std::vector<SnapshotCustomer> customers(customerIds.size());
    for (size_t i = 0, from = 0; i < customers.size(); ++i) {
        const uint64_t to = customerEnds[i];
        if (to < from || to > customerText.size()) return fail(ReadResult::Damaged, "customer " + std::to_string(i) + " has no whole external id");
        customers[i].id = customerIds[i];
        customers[i].externalId.assign(customerText.data() + from, size_t(to - from));
        from = size_t(to);
    }
    customerIds = {};
    customerEnds = {};
    customerText = {};

    auto texts = std::make_shared<TextArena>();
    const char *base = texts->adopt(std::move(orderText), textSize);
    uint32_t nextLine = 0;
    for (size_t i = 0; i < orders.size(); ++i) {
        SnapshotOrder &o = orders[i];
        unsigned char *raw = reinterpret_cast<unsigned char *>(&o);
        for (size_t field : textFields) {
            uint64_t off;
            std::memcpy(&off, raw + field, 8);
            SnapshotText t;
            if (off != 0 && !TextArena::at(base, textSize, off, t))
                return fail(ReadResult::Damaged, "order " + std::to_string(i) + " has a text outside the text section");
            std::memcpy(raw + field, &t, 8);
        }
        const int status = int(o.status);
        if (status < 0 || status > int(OrderStatus::Returned)) return fail(ReadResult::Damaged, "order " + std::to_string(i) + " has an unknown status");
        if (o.customer < -1 || o.customer >= int64_t(customers.size()))
            return fail(ReadResult::Damaged, "order " + std::to_string(i) + " names a customer that does not exist");
        if (o.lineBegin != nextLine || o.lineEnd < o.lineBegin || o.lineEnd > lines.size())
            return fail(ReadResult::Damaged, "order " + std::to_string(i) + " has lines out of sequence");
        nextLine = o.lineEnd;
    }
    if (nextLine != lines.size()) return fail(ReadResult::Damaged, "lines belong to no order");
    for (size_t k = 0; k < lines.size(); ++k)
        if (lines[k].product >= nProducts) return fail(ReadResult::Damaged, "line " + std::to_string(k) + " names a product that does not exist");
    if (basketStart.empty() || basketStart.front() != 0 || basketStart.back() != basketItems.size() ||
        basketOrder.size() != basketStart.size() - 1)
        return fail(ReadResult::Damaged, "basket sections disagree");
    for (size_t b = 1; b < basketStart.size(); ++b)
        if (basketStart[b] < basketStart[b - 1]) return fail(ReadResult::Damaged, "basket " + std::to_string(b) + " starts before the one before it");
    for (uint32_t o : basketOrder)
        if (o >= orders.size()) return fail(ReadResult::Damaged, "a basket names an order that does not exist");
    for (uint32_t p : basketItems)
        if (p >= nProducts) return fail(ReadResult::Damaged, "a basket names a product that does not exist");
    if (unitsSold.size() != nProducts || basketsWith.size() != nProducts)
        return fail(ReadResult::Damaged, "per-product sections are not one entry per product");

    snap.customers = std::move(customers);
    snap.orders = std::move(orders);
    snap.lines = std::move(lines);
    snap.texts = std::move(texts);
    snap.basketStart = std::move(basketStart);
    snap.basketItems = std::move(basketItems);
    snap.basketOrder = std::move(basketOrder);
    snap.unitsSold = std::move(unitsSold);
    snap.basketsWith = std::move(basketsWith);
    if (whyOut) whyOut->clear();
    return ReadResult::Used;
}

bool storedKey(const std::string &file, Key &key)
{
    QFile f(QString::fromStdString(file));
    Header h;
    if (!f.open(QIODevice::ReadOnly) || f.read(reinterpret_cast<char *>(&h), sizeof h) != qint64(sizeof h)) return false;
    if (std::memcmp(h.magic, Magic, sizeof Magic) != 0 || headerChecksum(h) != h.checksum) return false;
    key = h.key;
    return true;
}

void reseal(std::string &image)
{
    Header h;
    if (image.size() < sizeof h) return;
    std::memcpy(&h, image.data(), sizeof h);
    for (Section &s : h.sections)
        if (s.offset <= image.size() && s.bytes <= image.size() - s.offset) s.checksum = hashOf(image.data() + s.offset, size_t(s.bytes));
    h.checksum = headerChecksum(h);
    std::memcpy(image.data(), &h, sizeof h);
}

bool write(const std::string &file, const Key &key, const Snapshot &snap, std::string *whyOut)
{
    QSaveFile f(QString::fromStdString(file));
    auto fail = [&](const std::string &what) {
        if (whyOut) *whyOut = file + ": " + what;
        f.cancelWriting();
        return false;
    };
    if (!f.open(QIODevice::WriteOnly)) return fail("cannot write: " + f.errorString().toStdString());
    Header h = makeHeader();
    h.key = key;
    // The header goes first as a placeholder and is written again, with the sections' places and
    // checksums, once they are known.
    if (f.write(reinterpret_cast<const char *>(&h), sizeof h) != qint64(sizeof h)) return fail(f.errorString().toStdString());
    SectionWriter out(f);
    bool ok = true;
    {
        std::vector<int64_t> ids;
        std::vector<uint64_t> ends;
        ids.reserve(snap.customers.size());
        ends.reserve(snap.customers.size());
        uint64_t end = 0;
        for (const SnapshotCustomer &c : *snap.customers) {
            ids.push_back(c.id);
            ends.push_back(end += c.externalId.size());
        }
        ok = ok && out.whole(h, CustomerIds, ids) && out.whole(h, CustomerEnds, ends);
        out.begin(h, CustomerText, end);
        for (const SnapshotCustomer &c : *snap.customers) ok = ok && out.add(c.externalId.data(), c.externalId.size());
        out.end();
    }
    if (!ok) return fail(f.errorString().toStdString());

    // Orders (fixed size, so their section's place is known) and their texts after them: each batch of
    // orders is written at its place, each batch of text at the end of the text so far. Each order's
    // external id is written once; country, tags and source are shared, written once per distinct text.
    const std::vector<SnapshotOrder> &orders = *snap.orders;
    out.begin(h, Orders, orders.size());
    Section &orderSection = h.sections[Orders];
    const uint64_t textBegin = orderSection.offset + orders.size() * sizeof(SnapshotOrder);
    Section &textSection = h.sections[OrderText];
    textSection.offset = textBegin;
    Hasher orderHash, textHash;
    std::vector<char> text{0, 0};   // offset 0 is "empty"; every other text's offset points past its prefix
    uint64_t textWritten = 0;
    std::unordered_map<const char *, uint64_t> shared;
    std::vector<SnapshotOrder> batch;
    constexpr size_t BatchSize = 1 << 15;
    batch.reserve(BatchSize);
    auto flushText = [&](bool all) {
        if (!all && text.size() < (4u << 20)) return true;
        if (!f.seek(qint64(textBegin + textWritten))) return false;
        textHash.add(text.data(), text.size());
        const bool wrote = f.write(text.data(), qint64(text.size())) == qint64(text.size());
        textWritten += text.size();
        text.clear();
        return wrote;
    };
    auto flushOrders = [&]() {
        if (batch.empty()) return true;
        const qint64 bytes = qint64(batch.size() * sizeof(SnapshotOrder));
        if (!f.seek(qint64(orderSection.offset + orderSection.bytes))) return false;
        orderHash.add(batch.data(), size_t(bytes));
        orderSection.bytes += uint64_t(bytes);
        const bool wrote = f.write(reinterpret_cast<const char *>(batch.data()), bytes) == bytes;
        batch.clear();
        return wrote;
    };
    auto place = [&](const SnapshotText &t) -> uint64_t {
        if (t.empty()) return 0;
        const std::string_view entry = TextArena::entryOf(t);
        const uint64_t at = textWritten + text.size() + (entry.size() - t.size() - 1);
        text.insert(text.end(), entry.begin(), entry.end());
        return at;
    };
    for (const SnapshotOrder &o : orders) {
        // Member by member over zeros: the padding byte is written as zero, so one history always gives
        // the same file.
        SnapshotOrder d;
        std::memset(static_cast<void *>(&d), 0, sizeof d);
        d.id = o.id;
        d.orderedAt = o.orderedAt;
        d.merchandiseTotal = o.merchandiseTotal;
        d.customer = o.customer;
        d.lineBegin = o.lineBegin;
        d.lineEnd = o.lineEnd;
        d.utcOffsetMinutes = o.utcOffsetMinutes;
        d.status = o.status;
        unsigned char *raw = reinterpret_cast<unsigned char *>(&d);
        const SnapshotText *fields[] = {&o.externalId, &o.country, &o.tags, &o.source};
        for (size_t k = 0; k < 4; ++k) {
            uint64_t off;
            if (k == 0) {
                off = place(*fields[k]);
            } else {
                auto it = shared.find(fields[k]->data());
                if (it == shared.end()) it = shared.emplace(fields[k]->data(), place(*fields[k])).first;
                off = it->second;
            }
            std::memcpy(raw + textFields[k], &off, 8);
        }
        batch.push_back(d);
        if (batch.size() == BatchSize && !(ok = flushOrders())) break;
        if (!(ok = flushText(false))) break;
    }
    ok = ok && flushOrders() && flushText(true);
    if (!ok) return fail(f.errorString().toStdString());
    orderSection.checksum = orderHash.value();
    textSection.bytes = textSection.count = textWritten;
    textSection.checksum = textHash.value();
    if (textWritten > (uint64_t(1) << 40)) return fail("the order texts are too large for a cache");
    if (!f.seek(qint64(textBegin + textWritten))) return fail(f.errorString().toStdString());

    ok = out.whole(h, Lines, *snap.lines) && out.whole(h, BasketStart, *snap.basketStart) &&
         out.whole(h, BasketItems, *snap.basketItems) && out.whole(h, BasketOrder, *snap.basketOrder) &&
         out.whole(h, UnitsSold, *snap.unitsSold) && out.whole(h, BasketsWith, *snap.basketsWith);
    if (!ok) return fail(f.errorString().toStdString());
    h.checksum = headerChecksum(h);
    if (!f.seek(0) || f.write(reinterpret_cast<const char *>(&h), sizeof h) != qint64(sizeof h)) return fail(f.errorString().toStdString());
    if (!f.commit()) {
        if (whyOut) *whyOut = file + ": " + f.errorString().toStdString();
        return false;
    }
    return true;
}

}  // namespace mb::snapshotcache
