#pragma once
// Imports a storefront event export: parses it (core/io/eventparser) and writes it (core/storage/eventstore)
// into the workspace in one transaction and logs it in `imports` (kind "events").
// Events already stored by an earlier import (same session, time, product, event and placement) are
// skipped and counted as duplicates, so importing an overlapping export twice does not double the figures.
#include "core/storage/importer.h"

#include <string>

namespace mb {

class Workspace;

// strict: any rejected row aborts and leaves the workspace unchanged (status RejectedStrict).
ImportReport importEvents(Workspace &ws, const std::string &path, bool strict = false);

}  // namespace mb
