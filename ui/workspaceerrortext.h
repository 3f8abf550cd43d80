#pragma once
// What the user reads when a workspace cannot be opened: what is wrong with the file, in their terms,
// and what they can do, followed by the engine's precise message.
#include "core/storage/workspace.h"

#include <QString>

namespace mb {

QString workspaceErrorText(const QString &path, WorkspaceError kind, const QString &detail);

}  // namespace mb
