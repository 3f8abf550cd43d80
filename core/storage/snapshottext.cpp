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
