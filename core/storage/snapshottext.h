#pragma once
// SnapshotText: an immutable string of the snapshot in 8 bytes (std::string takes 32), for the text columns
// of orders, which a 50M-line store holds ~17M of. The characters live in a TextArena the snapshot shares
// (Snapshot::texts): the loader writes each order's external id once and each distinct country, tags and
// source value once. Reads look like a string_view. Assigning one outside the loader (tests and tools that
// build a snapshot by hand) copies into a process-wide arena that is never freed: fine for the few hundred
// texts such code writes, never used by the loader.
#include <compare>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mb {

class SnapshotText;

// Append-only storage for SnapshotTexts: chunks that never move, so a text's pointer stays valid as long
// as the arena lives. Not thread-safe for writes (one loader writes; readers only read).
class TextArena {
public:
    SnapshotText add(std::string_view s);
    size_t bytes() const { return chunks_.size() * ChunkSize + adoptedBytes_; }

    // The snapshot cache (snapshotcache.h) reads its texts as one block in the layout add() writes (the
    // length before each text, a zero after): the arena keeps the block alive, and at() hands out the text
    // at an offset into it, or nothing when the bytes there are not a whole text (a damaged cache).
    const char *adopt(std::unique_ptr<char[]> block, size_t size);
    static bool at(const char *block, size_t size, uint64_t offset, SnapshotText &out);
    // Where a text's entry (length prefix, characters, zero) begins and how long it is: what the cache
    // writes to give a text an offset the reader's at() accepts.
    static std::string_view entryOf(const SnapshotText &t);

private:
    static constexpr size_t ChunkSize = 1 << 20;
    std::vector<std::unique_ptr<char[]>> chunks_;
    size_t used_ = ChunkSize;
    std::vector<std::unique_ptr<char[]>> large_;  // texts longer than a chunk, and adopted blocks
    size_t adoptedBytes_ = 0;
};

class SnapshotText {
public:
    SnapshotText() = default;
    explicit SnapshotText(std::string_view s) { *this = s; }
    SnapshotText &operator=(std::string_view s);  // into the process-wide arena (see above)
    SnapshotText &operator=(const std::string &s) { return *this = std::string_view(s); }
    SnapshotText &operator=(const char *s) { return *this = std::string_view(s); }

    // The length sits before the characters: one byte, or 255 and then four bytes before that.
    size_t size() const
    {
        const auto n = static_cast<unsigned char>(p_[-1]);
        if (n != 255) return n;
        uint32_t big;
        std::memcpy(&big, p_ - 5, 4);
        return big;
    }
    bool empty() const { return p_[-1] == 0; }
    const char *data() const { return p_; }
    const char *c_str() const { return p_; }  // zero-terminated
    std::string_view view() const { return {p_, size()}; }
    std::string str() const { return std::string(view()); }
    operator std::string_view() const { return view(); }
    operator std::string() const { return str(); }
    size_t find(std::string_view s, size_t pos = 0) const { return view().find(s, pos); }

    friend bool operator==(const SnapshotText &a, const SnapshotText &b) { return a.p_ == b.p_ || a.view() == b.view(); }
    friend bool operator==(const SnapshotText &a, std::string_view b) { return a.view() == b; }
    friend std::strong_ordering operator<=>(const SnapshotText &a, const SnapshotText &b) { return a.view() <=> b.view(); }
    friend std::strong_ordering operator<=>(const SnapshotText &a, std::string_view b) { return a.view() <=> b; }

private:
    friend class TextArena;
    static const char *const Empty;
    const char *p_ = Empty;
};

static_assert(sizeof(SnapshotText) == 8);

}  // namespace mb
