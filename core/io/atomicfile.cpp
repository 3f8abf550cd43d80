#include "core/io/atomicfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <unistd.h>
#endif

namespace mb {

namespace {

QString failure(const QString &path, const QString &reason) { return path + QStringLiteral(": cannot write: ") + reason; }

// The data must be on the disk before the rename makes it the file: otherwise a crash, or a file system
// that allocates late (NFS, quotas), can still leave an empty file behind a successful rename.
bool syncToDisk(QFileDevice &file, QString &reason)
{
#ifdef Q_OS_UNIX
    if (::fsync(file.handle()) == 0) return true;
    // Devices and pipes cannot be synced; that says nothing about the data.
    if (errno == EINVAL || errno == ENOTSUP) return true;
    reason = qt_error_string(errno);
    return false;
#else
    Q_UNUSED(file);
    Q_UNUSED(reason);
    return true;
#endif
}

}  // namespace

bool writeFully(QFileDevice &file, QByteArrayView bytes, QString &error)
{
    const QString name = file.fileName();
    // A short write is possible on a full disk, and a small payload only reaches the disk at flush():
    // check both, and the device's error, which flush() failures leave behind.
    if (file.write(bytes.data(), bytes.size()) != bytes.size() || !file.flush() || file.error() != QFileDevice::NoError) {
        error = failure(name, file.errorString());
        return false;
    }
    QString reason;
    if (!syncToDisk(file, reason)) {
        error = failure(name, reason);
        return false;
    }
    return true;
}

bool writeFileAtomically(const QString &path, QByteArrayView bytes, QString &error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        error = failure(path, file.errorString());
        return false;
    }
    // QSaveFile::fileName() is path, so writeFully's message names the file the user chose.
    if (!writeFully(file, bytes, error)) {
        file.cancelWriting();   // never commit(): it would rename the short file in; the destructor removes it
        return false;
    }
    if (!file.commit()) {
        error = failure(path, file.errorString());
        return false;
    }
    return true;
}

bool writeFileAtomically(const std::string &path, std::string_view bytes, std::string &error)
{
    QString e;
    if (writeFileAtomically(QString::fromStdString(path), QByteArrayView(bytes.data(), qsizetype(bytes.size())), e)) return true;
    error = e.toStdString();
    return false;
}

bool produceFileAtomically(const QString &path, const FileProducer &produce, QString &error)
{
    // In path's folder: the same file system, so a full disk shows while producing, before anything is replaced.
    const QFileInfo target(path);
    QTemporaryFile temp(target.absolutePath() + QStringLiteral("/.") + target.fileName() + QStringLiteral(".XXXXXX"));
    if (!temp.open()) {
        error = failure(path, temp.errorString());
        return false;
    }
    temp.close();   // the producer opens it by name
    QString reason;
    if (!produce(temp.fileName(), reason)) {
        error = failure(path, reason);
        return false;
    }
    QFile produced(temp.fileName());
    if (!produced.open(QIODevice::ReadOnly)) {
        error = failure(path, produced.errorString());
        return false;
    }
    const QByteArray bytes = produced.readAll();
    if (produced.error() != QFileDevice::NoError) {
        error = failure(path, produced.errorString());
        return false;
    }
    produced.close();
    return writeFileAtomically(path, bytes, error);
}

}  // namespace mb
