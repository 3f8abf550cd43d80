#pragma once
// A real full disk for the tests of "a failed write keeps the previous file": a tiny tmpfs mounted on a
// temporary folder. Mounting needs root (as in CI); elsewhere, or when the kernel refuses, the test skips
// with the reason. The file system is always unmounted again, also when a test fails half-way.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

namespace mbtest {

class TinyDisk {
public:
    explicit TinyDisk(const char *size = "64k")
    {
        if (::geteuid() != 0) {
            reason_ = QStringLiteral("mounting a small tmpfs needs root (CI runs the tests as root)");
            return;
        }
        if (!dir_.isValid()) {
            reason_ = QStringLiteral("no temporary folder to mount on");
            return;
        }
        const QByteArray where = QFile::encodeName(dir_.path());
        const QByteArray options = QByteArray("size=") + size + ",mode=0755";
        if (::mount("tmpfs", where.constData(), "tmpfs", 0, options.constData()) != 0) {
            reason_ = QStringLiteral("cannot mount a tmpfs on %1: %2").arg(dir_.path(), QString::fromLocal8Bit(std::strerror(errno)));
            return;
        }
        mounted_ = true;
    }
    ~TinyDisk()
    {
        if (mounted_) ::umount2(QFile::encodeName(dir_.path()).constData(), MNT_DETACH);
    }
    TinyDisk(const TinyDisk &) = delete;
    TinyDisk &operator=(const TinyDisk &) = delete;

    bool mounted() const { return mounted_; }
    QString skipReason() const { return reason_; }
    QString filePath(const QString &name) const { return dir_.filePath(name); }
    QStringList files() const { return QDir(dir_.path()).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name); }

    // Writes name with bytes (a previous export), then fills every free byte, so the next write fails.
    bool holdAndFill(const QString &name, const QByteArray &bytes)
    {
        QFile f(filePath(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.flush()) return false;
        f.close();
        const int fd = ::open(QFile::encodeName(filePath(QStringLiteral("filler"))).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0) return false;
        const QByteArray block(4096, 'x');
        ssize_t n = 0;
        while ((n = ::write(fd, block.constData(), size_t(block.size()))) > 0) {}
        const bool full = n < 0 && errno == ENOSPC;
        ::close(fd);
        return full;
    }

private:
    QTemporaryDir dir_;
    bool mounted_ = false;
    QString reason_;
};

}  // namespace mbtest

// Declares disk, a mounted TinyDisk, or skips the test saying why there is none.
#define MB_REQUIRE_TINY_DISK(disk)                                  \
    mbtest::TinyDisk disk;                                          \
    if (!disk.mounted()) QSKIP(qPrintable(disk.skipReason()))
