// Every view fits the window at 1024×700 (a small laptop), 1280×800 and 1600×1000: a merchandiser clicks
// through the sidebar and never has to scroll a view sideways, no table header is elided where its table
// has the room, the bundle builder and its product lists show every SKU whole (the issue asked for it
// from 1280 px on; it holds at 1024 too), and the KPI tiles show whole titles. Each view (each bundle, for
// Bundles) is saved as a PNG beside this test (build/tests/layoutfit/) so a person can look at it.
// MB_LAYOUT_WORKSPACE=/path/to/a/copy.merchbench runs the same checks on that workspace too (it is opened
// and may be written to: pass a copy).
#include "testsupport.h"
#include "ui/uitestsupport.h"

#include "ui/bundles/bundledelegates.h"
#include "ui/bundles/bundlesview.h"
#include "ui/dashboard/kpitile.h"
#include "ui/mainwindow.h"
#include "ui/maps/anchorlistmodel.h"
#include "ui/maps/mapsview.h"
#include "ui/preview/previewview.h"
#include "ui/workspaceview.h"

#include "core/storage/snapshot.h"

#include <QAbstractItemView>
#include <QAction>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleOptionHeader>
#include <QTableView>
#include <QToolButton>

#include <functional>

using namespace mb;

namespace {

// A widget and all its ancestors up to the window are shown (isVisible() says so only for shown windows).
bool shown(const QWidget *w) { return w->isVisible() && w->width() > 0 && w->height() > 0; }

QString nameOf(const QWidget *w)
{
    QString n = QString::fromLatin1(w->metaObject()->className());
    if (!w->objectName().isEmpty()) n += QLatin1Char('#') + w->objectName();
    // A table is told by its first headers.
    if (auto *v = qobject_cast<const QAbstractItemView *>(w); v && v->model() && v->model()->columnCount() > 1) {
        QStringList headers;
        for (int c = 0; c < std::min(3, v->model()->columnCount()); ++c) headers << v->model()->headerData(c, Qt::Horizontal).toString();
        n += QStringLiteral(" (%1…)").arg(headers.join(QStringLiteral(", ")));
    }
    return n;
}

// The width a header section needs to show its text whole, sort arrow included when the table sorts: what
// QHeaderView::sectionSizeFromContents asks the style for (it is protected, so the same option is built here).
int headerNeeds(const QHeaderView *h, int logical)
{
    QStyleOptionHeader opt;
    opt.initFrom(h);
    opt.section = logical;
    opt.orientation = h->orientation();
    opt.text = h->model()->headerData(logical, h->orientation(), Qt::DisplayRole).toString();
    const QVariant font = h->model()->headerData(logical, h->orientation(), Qt::FontRole);
    if (font.canConvert<QFont>()) opt.fontMetrics = QFontMetrics(font.value<QFont>());
    if (h->isSortIndicatorShown()) opt.sortIndicator = QStyleOptionHeader::SortDown;
    return h->style()->sizeFromContents(QStyle::CT_HeaderSection, &opt, QSize(), h).width();
}

// The one table that may scroll sideways, and only below 1280 px: the Catalog's products. Its twelve
// columns (SKU, title, category, brand, price, regular and sale price, cost, margin, stock, store status,
// origin) take about 930 px with a 140 px title, more than the ~700 px beside the category tree at 1024 px;
// a record table scrolling inside its own frame is what a spreadsheet-like list does in every desktop
// application, and the view around it still fits. From 1280 px on the title gives way and it fits.
bool mayScrollWhenNarrow(const QWidget *view, const QAbstractScrollArea *area)
{
    return view->property("layoutfitId").toString() == QLatin1String("catalog") && qobject_cast<const QTableView *>(area);
}

struct Checker {
    QWidget *view;
    QString where;      // "demo 1024×700 preview"
    bool narrow;        // under 1280 px
    QStringList problems;

    void add(const QString &what) { problems << where + QStringLiteral(": ") + what; }

    void run()
    {
        // The view's layout fits the room it has: nothing in it is squeezed under its minimum or clipped.
        const QSize min = view->minimumSizeHint();
        if (min.width() > view->width())
            add(QStringLiteral("the view needs %1 px but has %2 px").arg(min.width()).arg(view->width()));
        for (QAbstractScrollArea *area : view->findChildren<QAbstractScrollArea *>()) checkScrollArea(area);
        for (QHeaderView *h : view->findChildren<QHeaderView *>()) checkHeader(h);
        for (QLabel *l : view->findChildren<QLabel *>()) checkLabel(l);
        for (KpiTile *t : view->findChildren<KpiTile *>()) checkTile(t);
        for (QAbstractItemView *v : view->findChildren<QAbstractItemView *>()) checkSkus(v);
        checkClipping(view);
    }

    void checkScrollArea(QAbstractScrollArea *area)
    {
        if (!shown(area)) return;
        if (!area->horizontalScrollBar()->isVisible()) return;
        if (narrow && mayScrollWhenNarrow(view, area)) return;
        add(QStringLiteral("%1 scrolls sideways (content %2 px wider than its %3 px)")
                .arg(nameOf(area))
                .arg(area->horizontalScrollBar()->maximum())
                .arg(area->viewport()->width()));
    }

    void checkHeader(QHeaderView *h)
    {
        if (!shown(h) || h->orientation() != Qt::Horizontal || !h->model()) return;
        int needAll = 0;
        QList<std::pair<int, int>> sections;   // logical, needed width
        for (int v = 0; v < h->count(); ++v) {
            const int logical = h->logicalIndex(v);
            if (h->isSectionHidden(logical)) continue;
            const QString text = h->model()->headerData(logical, Qt::Horizontal, Qt::DisplayRole).toString();
            if (text.isEmpty()) continue;
            const int need = headerNeeds(h, logical);
            needAll += need;
            sections.append({logical, need});
        }
        // "Where the width allows it": a table that scrolls has room for every header; one that does not must
        // show every header whole when all of them fit side by side in its width.
        auto *table = qobject_cast<QAbstractScrollArea *>(h->parentWidget());
        const bool scrolls = table && table->horizontalScrollBar()->isVisible();
        if (!scrolls && needAll > h->width()) {
            add(QStringLiteral("%1's %2 headers need %3 px together but it is %4 px wide")
                    .arg(nameOf(table ? static_cast<QWidget *>(table) : h))
                    .arg(sections.size())
                    .arg(needAll)
                    .arg(h->width()));
            return;
        }
        for (const auto &[logical, need] : sections)
            if (h->sectionSize(logical) < need)
                add(QStringLiteral("header \"%1\" of %2 is elided: %3 px of the %4 px it needs")
                        .arg(h->model()->headerData(logical, Qt::Horizontal).toString())
                        .arg(nameOf(table ? static_cast<QWidget *>(table) : h))
                        .arg(h->sectionSize(logical))
                        .arg(need));
    }

    void checkLabel(QLabel *l)
    {
        if (!shown(l) || l->text().isEmpty() || !l->pixmap().isNull()) return;
        if (l->wordWrap()) {
            // A wrapping label is cut when it is shorter than the lines its text takes at its width.
            const int need = l->heightForWidth(l->width());
            if (need > l->height() + 1)
                add(QStringLiteral("label \"%1\" is cut: %2 px high, needs %3 px at %4 px wide")
                        .arg(l->text().left(60))
                        .arg(l->height())
                        .arg(need)
                        .arg(l->width()));
            return;
        }
        const int need = l->sizeHint().width();
        if (l->width() + 1 < need)
            add(QStringLiteral("label \"%1\" is cut: %2 px of the %3 px it needs").arg(l->text().left(60)).arg(l->width()).arg(need));
    }

    void checkTile(KpiTile *t)
    {
        if (!shown(t)) return;
        // The title label is the one showing the tile's title; it shows every letter (wrapped or not) and
        // the tile lies inside what the dashboard shows, not past its right edge.
        for (QLabel *l : t->findChildren<QLabel *>()) {
            if (l->text() != t->title()) continue;
            const QFontMetrics fm(l->font());
            const QRect need = fm.boundingRect(QRect(0, 0, l->width(), 10000), (l->wordWrap() ? Qt::TextWordWrap : 0), l->text());
            if (need.width() > l->contentsRect().width() + 1 || need.height() > l->contentsRect().height() + 1)
                add(QStringLiteral("tile title \"%1\" is cut: %2×%3 px for %4×%5 px of text")
                        .arg(t->title())
                        .arg(l->contentsRect().width())
                        .arg(l->contentsRect().height())
                        .arg(need.width())
                        .arg(need.height()));
        }
        const QRect onView(t->mapTo(view, QPoint(0, 0)), t->size());
        if (onView.right() >= view->width()) add(QStringLiteral("tile \"%1\" runs past the view's right edge").arg(t->title()));
    }

    // The bundle builder and its product lists: every SKU row shows its SKU whole.
    void checkSkus(QAbstractItemView *v)
    {
        if (!shown(v) || !v->model()) return;
        const QAbstractItemModel *m = v->model();
        for (int row = 0; row < m->rowCount(); ++row) {
            const QModelIndex idx = m->index(row, 0);
            auto *d = dynamic_cast<ProductEntryDelegate *>(v->itemDelegateForIndex(idx));
            const QString sku = idx.data(bundleroles::Sku).toString();
            if (!d || sku.isEmpty()) continue;
            const QRect r = v->visualRect(idx);
            if (!r.intersects(v->viewport()->rect())) continue;   // not on screen: scrolled to when needed
            QFont bold = v->font();
            bold.setBold(true);
            const int need = QFontMetrics(bold).horizontalAdvance(sku);
            const int room = d->skuWidth(r, v->font(), sku);
            if (room < need)
                add(QStringLiteral("SKU %1 in %2 is truncated: %3 px of the %4 px it needs").arg(sku, nameOf(v)).arg(room).arg(need));
        }
    }

    // No child sticks out past the right edge of its parent (it would be clipped there), except what
    // scrolls: the contents of a scroll area's viewport and the editors of an item view.
    void checkClipping(QWidget *parent)
    {
        if (qobject_cast<QAbstractItemView *>(parent)) return;
        for (QObject *o : parent->children()) {
            auto *w = qobject_cast<QWidget *>(o);
            if (!w || w->isWindow() || !shown(w)) continue;
            auto *area = qobject_cast<QAbstractScrollArea *>(parent->parentWidget());
            const bool scrolling = area && area->viewport() == parent;
            if (!scrolling && w->geometry().right() >= parent->width() + 1)
                add(QStringLiteral("%1 is clipped: it reaches x=%2 in its %3 px wide %4")
                        .arg(nameOf(w))
                        .arg(w->geometry().right())
                        .arg(parent->width())
                        .arg(nameOf(parent)));
            checkClipping(w);
        }
    }
};

}  // namespace

class TstLayoutFit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MerchbenchTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_layoutfit"));
        QVERIFY(dir_.isValid());
        demo_ = mbtest::makeDemo(dir_);
        QVERIFY(QFileInfo::exists(demo_));
        shots_ = QCoreApplication::applicationDirPath() + QStringLiteral("/layoutfit");
        QVERIFY(QDir().mkpath(shots_));
    }

    // Each size starts as a first start does: no window geometry, splitter or column widths remembered
    // from an earlier run.
    void init() { QSettings().clear(); }

    void everyViewFits_data()
    {
        QTest::addColumn<QString>("workspace");
        QTest::addColumn<QSize>("size");
        QList<std::pair<QString, QString>> workspaces{{QStringLiteral("demo"), demo_}};
        const QString extra = qEnvironmentVariable("MB_LAYOUT_WORKSPACE");
        if (!extra.isEmpty()) workspaces.append({QFileInfo(extra).completeBaseName(), extra});
        for (const auto &[name, path] : workspaces)
            for (const QSize s : {QSize(1024, 700), QSize(1280, 800), QSize(1600, 1000)})
                QTest::addRow("%s %dx%d", qPrintable(name), s.width(), s.height()) << path << s;
    }

    void everyViewFits()
    {
        QFETCH(QString, workspace);
        QFETCH(QSize, size);
        mbtest::RecordingPresenter messages;
        MainWindow w(&messages);
        w.resize(size);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openWorkspace(workspace));
        QVERIFY(mbtest::waitLoaded(w.document()));
        // The window takes the size asked for: no view's minimum widens it past the screen.
        QCOMPARE(w.size(), size);

        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));
        QStringList problems;
        for (const QString &id : w.viewIds()) {
            w.viewAction(id)->trigger();   // what View ▸ <view> (or its sidebar entry) does
            QCOMPARE(w.currentViewId(), id);
            WorkspaceView *view = w.view(id);
            view->setProperty("layoutfitId", id);
            QVERIFY2(mbtest::waitUntil([view] { return !view->isBusy(); }), qPrintable(id));
            // What the user looks at in the view: as it opens; the Bundles view with each of its bundles in
            // turn (their tiers and SKUs differ); the Preview with its Policies panel open beside it too.
            QList<std::pair<QString, std::function<void()>>> states{{id, [] {}}};
            if (id == QLatin1String("bundles")) {
                QVERIFY2(ensureABundle(w), "no bundle to show");
                auto *list = view->findChild<QListWidget *>(QStringLiteral("bundleList"));
                states.clear();
                for (int row = 0; row < list->count(); ++row)
                    states.append({id + QString::number(row + 1), [list, row] { list->setCurrentRow(row); }});
            }
            if (auto *preview = qobject_cast<PreviewView *>(view))
                states.append({id + QStringLiteral("-policies"), [preview] { QTest::mouseClick(preview->policiesButton(), Qt::LeftButton); }});
            for (const auto &state : std::as_const(states)) {
                state.second();
                // A layout settles over a few passes (a list fits its rows to a new width, then its column
                // grows to hold it): what counts is what the user sees once it has, well within a second.
                const QString where = QStringLiteral("%1 %2").arg(QString::fromLatin1(QTest::currentDataTag()), state.first);
                Checker c{view, where, size.width() < 1280, {}};
                QDeadlineTimer settled(1000);
                do {
                    QTest::qWait(25);
                    c.problems.clear();
                    c.run();
                } while (!c.problems.isEmpty() && !settled.hasExpired());
                QVERIFY(w.grab().save(QStringLiteral("%1/%2-%3.png").arg(shots_, tag, state.first), "PNG"));
                problems += c.problems;
            }
        }
        QVERIFY2(messages.errors.isEmpty(), qPrintable(messages.errors.join('\n')));
        // One line each (a Qt Test failure message is cut at 1,000 characters).
        for (const QString &p : std::as_const(problems)) qWarning("%s", qPrintable(p));
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 layout problems, listed above").arg(problems.size())));
        w.closeWorkspace();
    }

private:
    // The workspace has a bundle to show: its own, or one generated around the anchor the Maps view opens
    // on (the best seller with a map) when it has none yet.
    static bool ensureABundle(MainWindow &w)
    {
        auto *bundles = qobject_cast<BundlesView *>(w.view(QStringLiteral("bundles")));
        auto *list = bundles ? bundles->findChild<QListWidget *>(QStringLiteral("bundleList")) : nullptr;
        auto *maps = qobject_cast<MapsView *>(w.view(QStringLiteral("maps")));
        if (!list || !maps) return false;
        if (list->count() > 0) return true;
        const QModelIndex anchor = maps->anchorTable()->currentIndex();
        if (!anchor.isValid() || anchor.data(AnchorListModel::TypeRole).toInt() != int(EndpointType::Product)) return false;
        const auto snapshot = w.document()->snapshot();
        const QString sku = QString::fromStdString(snapshot->products[anchor.data(AnchorListModel::IndexRole).toUInt()].sku);
        return bundles->generateFor(sku) && list->count() > 0;
    }

    QTemporaryDir dir_;
    QString demo_, shots_;
};

QTEST_MAIN(TstLayoutFit)
#include "tst_layoutfit.moc"
