// Writing a file the user asked for: on a full disk or a failing device the write fails with the file's
// name and the system's reason, and the file that was there before keeps its bytes. Small payloads
// matter most: they sit in Qt's buffer until the final flush, whose error QSaveFile::commit() ignores.
#include "testsupport.h"
#include "tinydisk.h"

#include "core/io/atomicfile.h"

#include <QFile>

#include <cstdio>

using namespace mb;

namespace {

const QByteArray previous = "sku,title\nOLD-1,the export from last week\n";

QByteArray payload(int size)
{
    QByteArray b;
    while (b.size() < size) b += "sku,title\n";
    return b.left(size);
}

// Like libxlsxwriter: C stdio by file name, and a failing fclose() is the only sign of a full disk.
bool stdioProducer(const QString &temp, const QByteArray &bytes, QString &reason)
{
    std::FILE *f = std::fopen(QFile::encodeName(temp).constData(), "wb");
    if (!f) return false;
    const bool written = std::fwrite(bytes.constData(), 1, size_t(bytes.size()), f) == size_t(bytes.size());
    if (std::fclose(f) != 0 || !written) {
        reason = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    return true;
}

}  // namespace

class TestAtomicFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sizes_data()
    {
        QTest::addColumn<int>("size");
        QTest::newRow("small (stays in Qt's buffer until the flush)") << 12;
        QTest::newRow("large (written at once)") << 200 * 1024;
    }

    void aFailingFlushIsReported_data() { sizes_data(); }
    void aFailingFlushIsReported()
    {
        // /dev/full accepts the open and fails every write with ENOSPC: the fault injection the kernel offers.
        QFETCH(int, size);
        QFile full(QStringLiteral("/dev/full"));
        if (!full.open(QIODevice::WriteOnly)) QSKIP("/dev/full is not available");
        QString error;
        QVERIFY(!writeFully(full, payload(size), error));
        QVERIFY2(error.contains(QStringLiteral("/dev/full")), qPrintable(error));
        QVERIFY2(error.contains(QString::fromLocal8Bit(std::strerror(ENOSPC))), qPrintable(error));
    }

    void aFullDiskKeepsThePreviousFile_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<bool>("produced");
        for (const bool produced : {false, true})
            for (const int size : {12, 200 * 1024})
                QTest::addRow("%s, %d bytes", produced ? "written by a library" : "bytes", size) << size << produced;
    }
    void aFullDiskKeepsThePreviousFile()
    {
        QFETCH(int, size);
        QFETCH(bool, produced);
        MB_REQUIRE_TINY_DISK(disk);
        const QString path = disk.filePath(QStringLiteral("export.csv"));
        QVERIFY(disk.holdAndFill(QStringLiteral("export.csv"), previous));
        const QStringList before = disk.files();
        const QByteArray bytes = payload(size);
        QString error;
        const bool ok = produced ? produceFileAtomically(path, [&](const QString &t, QString &e) { return stdioProducer(t, bytes, e); }, error)
                                 : writeFileAtomically(path, bytes, error);
        QVERIFY(!ok);
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY2(error.contains(QString::fromLocal8Bit(std::strerror(ENOSPC))), qPrintable(error));
        QCOMPARE(mbtest::readAll(path), previous);
        QCOMPARE(disk.files(), before);   // no temporary file left behind
    }

    void aFailingProducerKeepsThePreviousFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tables.xlsx"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(previous);
        }
        QString error;
        const bool ok = produceFileAtomically(path, [&](const QString &temp, QString &e) {
            QFile half(temp);
            if (half.open(QIODevice::WriteOnly)) half.write("PK half a workbook");
            e = QStringLiteral("the workbook library gave up");
            return false;
        }, error);
        QVERIFY(!ok);
        QCOMPARE(error, path + QStringLiteral(": cannot write: the workbook library gave up"));
        QCOMPARE(mbtest::readAll(path), previous);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("tables.xlsx")});
    }

    void replacesTheFileWhenThereIsRoom_data() { sizes_data(); }
    void replacesTheFileWhenThereIsRoom()
    {
        QFETCH(int, size);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export.csv"));
        QString error;
        QVERIFY2(writeFileAtomically(path, previous, error), qPrintable(error));
        QVERIFY2(writeFileAtomically(path, payload(size), error), qPrintable(error));
        QCOMPARE(mbtest::readAll(path), payload(size));
        QVERIFY2(produceFileAtomically(path, [&](const QString &t, QString &e) { return stdioProducer(t, previous, e); }, error),
                 qPrintable(error));
        QCOMPARE(mbtest::readAll(path), previous);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("export.csv")});
    }

    void aMissingFolderIsNamed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("no/such/folder/export.csv"));
        QString error;
        QVERIFY(!writeFileAtomically(path, previous, error));
        QVERIFY2(error.startsWith(path + QStringLiteral(": cannot write: ")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
