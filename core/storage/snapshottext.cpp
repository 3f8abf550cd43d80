#include "core/storage/snapshottext.h"

#include <mutex>

namespace mb {

namespace {
const char emptyText[2] = {0, 0};  // length 0, then the terminating zero
}  // namespace

const char *const SnapshotText::Empty = emptyText + 1;

SnapshotText TextArena::add(std::string_view s)
{
    SnapshotText t;
    if (s.empty()) return t;
    const size_t prefix = s.size() < 255 ? 1 : 5, need = prefix + s.size() + 1;
    char *at;
    if (need > ChunkSize / 4) {
        large_.push_back(std::make_unique<char[]>(need));
        at = large_.back().get();
    } else {
        if (used_ + need > ChunkSize) {
            chunks_.push_back(std::make_unique<char[]>(ChunkSize));
            used_ = 0;
        }
        at = chunks_.back().get() + used_;
        used_ += need;
    }
    if (prefix == 5) {
        const auto n = uint32_t(s.size());
        std::memcpy(at, &n, 4);
        at[4] = char(255);
    } else {
        at[0] = char(static_cast<unsigned char>(s.size()));
    }
    char *text = at + prefix;
    std::memcpy(text, s.data(), s.size());
    text[s.size()] = 0;
    t.p_ = text;
    return t;
}

const char *TextArena::adopt(std::unique_ptr<char[]> block, size_t size)
{
    large_.push_back(std::move(block));
    adoptedBytes_ += size;
    return large_.back().get();
}

bool TextArena::at(const char *block, size_t size, uint64_t offset, SnapshotText &out)
{
    // A text at `offset` has its length in the byte before (or 255 and four bytes before that) and a zero
    // after its characters, all inside the block.
    if (offset == 0 || offset >= size) return false;
    size_t n = static_cast<unsigned char>(block[offset - 1]);
    if (n == 255) {
        if (offset < 5) return false;
        uint32_t big;
        std::memcpy(&big, block + offset - 5, 4);
        n = big;
    }
    if (n > size - offset - 1 || block[offset + n] != 0) return false;
    out.p_ = block + offset;
    return true;
}

std::string_view TextArena::entryOf(const SnapshotText &t)
{
    const size_t n = t.size(), prefix = n < 255 ? 1 : 5;
    return {t.p_ - prefix, prefix + n + 1};
}

SnapshotText &SnapshotText::operator=(std::string_view s)
{
    // Never freed: only code building a snapshot by hand gets here (see snapshottext.h).
    static std::mutex mutex;
    static TextArena *loose = new TextArena;
    std::lock_guard lock(mutex);
    *this = loose->add(s);
    return *this;
}

}  // namespace mb
