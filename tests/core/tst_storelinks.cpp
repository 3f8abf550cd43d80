// The store's own links kept at catalog import (imported_relations) follow the store: a later export of the
// store that no longer links two products forgets that link, so Merchbench never writes it back; a file
// without a link column leaves the stored links of that type alone.
#include "testsupport.h"
#include "workspacequery.h"

#include "core/storage/importedlinks.h"
#include "core/storage/importer.h"
#include "core/storage/workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace mb;

class TestStoreLinks : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    int files_ = 0;

    QString write(const QByteArray &text)
    {
        const QString path = dir_.filePath(QStringLiteral("store%1.csv").arg(++files_));
        return mbtest::writeFile(path, text);
    }

    // "A>B upsell" lines, sorted, for comparing with what a merchandiser sees in the store.
    static QStringList links(const Workspace &ws)
    {
        QStringList out;
        for (const ImportedLink &l : importedLinks(ws))
            out << QString::fromStdString(l.anchorSku + ">" + l.targetSku + " " + l.platformType);
        out.sort();
        return out;
    }

    std::unique_ptr<Workspace> fresh(const char *name) { return mbtest::freshWorkspace(dir_, name); }

    void importCatalog(Workspace &ws, const QByteArray &csv)
    {
        const ImportReport r = mbtest::importFile(ws, ImportKind::Catalog, write(csv));
        QVERIFY2(r.status != ImportStatus::Failed, r.error.c_str());
    }

private Q_SLOTS:
    void wooLinksTheStoreRemovedAreForgotten()
    {
        auto ws = fresh("woo.merchbench");
        importCatalog(*ws, "ID,Type,SKU,Name,Published,Regular price,Upsells,Cross-sells\n"
                           "1,simple,A,Kettle,1,30,\"B, C\",D\n"
                           "2,simple,B,Kettle Pro,1,50,,\n"
                           "3,simple,C,Kettle Max,1,70,,\n"
                           "4,simple,D,Descaler,1,5,,\n");
        QCOMPARE(links(*ws), (QStringList{"A>B upsell", "A>C upsell", "A>D cross-sell"}));
        // The store dropped the C upsell; the file has no Cross-sells column, so the D cross-sell stays.
        importCatalog(*ws, "ID,Type,SKU,Name,Published,Regular price,Upsells\n"
                           "1,simple,A,Kettle,1,30,B\n");
        QCOMPARE(links(*ws), (QStringList{"A>B upsell", "A>D cross-sell"}));
        // A file without any link column changes no stored link.
        importCatalog(*ws, "ID,Type,SKU,Name,Published,Regular price\n"
                           "1,simple,A,Kettle,1,32\n");
        QCOMPARE(links(*ws), (QStringList{"A>B upsell", "A>D cross-sell"}));
    }

    void magentoLinksFollowEachTypeColumn()
    {
        auto ws = fresh("magento.merchbench");
        importCatalog(*ws, "sku,product_type,name,price,related_skus,upsell_skus\n"
                           "A,simple,Tent,100,\"B,C\",C\n"
                           "B,simple,Peg set,5,,\n"
                           "C,simple,Tent XL,150,,\n");
        QCOMPARE(links(*ws), (QStringList{"A>B related", "A>C related", "A>C upsell"}));
        // The store's next export: A's related list is now B only; the upsell column is absent and so kept.
        importCatalog(*ws, "sku,product_type,name,price,related_skus\n"
                           "A,simple,Tent,100,B\n");
        QCOMPARE(links(*ws), (QStringList{"A>B related", "A>C upsell"}));
        // Products the file does not hold keep their links.
        QCOMPARE(mbtest::scalar(*ws, "SELECT count(*) FROM products"), int64_t(3));
    }
};

QTEST_GUILESS_MAIN(TestStoreLinks)
#include "tst_storelinks.moc"
