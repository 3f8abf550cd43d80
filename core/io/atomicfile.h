#pragma once
// Every file Merchbench writes for the user (exports, reject reports, column mappings, dashboard pictures,
// tables and reports) is written here, so that a full disk or a failing device is reported with the file's
// name and the system's reason, and the file that was there before is never replaced by a short one.
// QSaveFile alone is not enough: it buffers a small payload, and commit() ignores the error of the final
// flush, renaming an empty file over the old one and returning true.
#include <QByteArrayView>
#include <QString>

#include <functional>
#include <string>
#include <string_view>

class QFileDevice;

namespace mb {

// Writes bytes to an open file, flushes Qt's buffer, checks the device's error and syncs to disk.
// False, with "FILE: cannot write: REASON" in error, when any step fails.
bool writeFully(QFileDevice &file, QByteArrayView bytes, QString &error);

// Replaces path with bytes: written to a temporary file beside it, synced, then renamed over it. On failure
// the old file is untouched and no temporary file is left.
bool writeFileAtomically(const QString &path, QByteArrayView bytes, QString &error);
bool writeFileAtomically(const std::string &path, std::string_view bytes, std::string &error);

// For libraries that write a file by name themselves (libxlsxwriter): produce() writes tempPath, a fresh
// file in path's folder, or returns false with the reason. Its bytes then replace path as
// writeFileAtomically does; the temporary file is removed in every case.
using FileProducer = std::function<bool(const QString &tempPath, QString &reason)>;
bool produceFileAtomically(const QString &path, const FileProducer &produce, QString &error);

}  // namespace mb
