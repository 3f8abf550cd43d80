#pragma once
// Small helpers shared by the tests: where the fixtures and the real data sets are.
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QtTest>

namespace mbtest {

inline QString fixture(const QString &relative) { return QStringLiteral(MB_TEST_DATA "/") + relative; }

inline QString datasetsDir()
{
    const QString env = qEnvironmentVariable("MB_DATASETS");
    return env.isEmpty() ? QStringLiteral(MB_DATASETS_DIR) : env;
}

inline QString dataset(const QString &relative) { return datasetsDir() + QLatin1Char('/') + relative; }

// A file's bytes, or none when it cannot be read.
inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Writes bytes to path, whole, or stops the test run: a test cannot go on without its input file.
inline QString writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size()) qFatal("cannot write %s", qPrintable(path));
    return path;
}

// A file's SHA-256, or empty when it cannot be read: "left untouched" checks compare it before and after.
inline QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// The time budgets tests assert are for a release build. The ASan/UBSan build (MB_FUZZ, tests/sanitize.sh)
// runs several times slower on a shared CI machine, so there each budget is scaled, not dropped.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr int timeBudgetFactor = 10;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr int timeBudgetFactor = 10;
#else
inline constexpr int timeBudgetFactor = 1;
#endif
#else
inline constexpr int timeBudgetFactor = 1;
#endif

}  // namespace mbtest

// Skips the test, saying why, when a real data set is not beside the repo (../shared/datasets).
#define MB_REQUIRE_DATASET(var, relative)                                                                        \
    const QString var = mbtest::dataset(relative);                                                              \
    if (!QFileInfo::exists(var))                                                                                \
        QSKIP(qPrintable(QStringLiteral("real data set not found: %1 (put shared/datasets beside the repo or set " \
                                        "MB_DATASETS)").arg(var)))
