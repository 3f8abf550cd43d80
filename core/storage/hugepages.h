#pragma once
// Transparent huge pages for big arrays: the snapshot's, mining's basket copies, the order import's buffers.
//
// Why: the order history of a 50M-line store is ~3 GB filled in one go. With 4 KiB pages that is ~780,000
// page faults, and on a virtual machine (where each fault also exits to the hypervisor) they cost 13–17 s of
// system time beside 5 s of work (measured: `merchbench-cli bundles list` on the 50M-line workspace). Debian's
// kernel gives huge pages only where the process asks for them (THP "madvise" mode): one fault then maps
// 2 MiB. Elsewhere (another system, THP off) the advice is a no-op and nothing changes.

#include <cstddef>

namespace mb {

// Advises the kernel to back the whole 2 MiB pages inside [p, p + bytes) with huge pages; call it before the
// memory is first touched. Regions under 4 MiB are left alone (they hold at most one whole huge page).
void adviseHugePages(const void *p, size_t bytes);

// v.reserve(n) with the advice, before anything is written: a resize or push_back after it fills huge pages.
// Any contiguous container with reserve() and capacity(): std::vector, std::string.
template <class Contiguous> void reserveHuge(Contiguous &v, size_t n)
{
    v.reserve(n);
    adviseHugePages(v.data(), v.capacity() * sizeof(typename Contiguous::value_type));
}

}  // namespace mb
