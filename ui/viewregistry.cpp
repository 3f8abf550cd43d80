#include "ui/viewregistry.h"

#include "ui/bundles/bundlesview.h"
#include "ui/catalog/catalogview.h"
#include "ui/dashboard/dashboardview.h"
#include "ui/lab/labview.h"
#include "ui/maps/mapsview.h"
#include "ui/orders/ordersview.h"
#include "ui/preview/previewview.h"

namespace mb {

std::vector<ViewDescriptor> builtinViews()
{
    return {
        {QStringLiteral("catalog"), QObject::tr("Catalog"), QStringLiteral(":/icons/catalog.png"),
         QObject::tr("Products by category, with price, cost, margin and stock"),
         [](WorkspaceDocument *d, QWidget *p) -> WorkspaceView * { return new CatalogView(d, p); }},
        {QStringLiteral("orders"), QObject::tr("Orders"), QStringLiteral(":/icons/orders.png"),
         QObject::tr("Order history with each order's lines"),
         [](WorkspaceDocument *d, QWidget *p) -> WorkspaceView * { return new OrdersView(d, p); }},
        {QStringLiteral("maps"), QObject::tr("Maps"), QStringLiteral(":/icons/maps.png"),
         QObject::tr("Complementary-product maps per product and category, with mined suggestions and their evidence"),
         [](WorkspaceDocument *d, QWidget *p) -> WorkspaceView * { return new MapsView(d, p); }},
        {QStringLiteral("preview"), QObject::tr("Preview"), QStringLiteral(":/icons/preview.png"),
         QObject::tr("What the product page, cart, checkout and post-purchase e-mail would recommend, with reasons and what was left out"),
         [](WorkspaceDocument *d, QWidget *p) -> WorkspaceView * { return new PreviewView(d, p); }},
        {QStringLiteral("dashboard"), QObject::tr("Dashboard"), QStringLiteral(":/icons/dashboard.png"),
         QObject::tr("KPIs over any period: revenue, AOV, attach and take rates, retention, CLV; PDF and XLSX export"),
         [](WorkspaceDocument *d, QWidget *p) -> WorkspaceView * { return new DashboardView(d, p); }},
        {QStringLiteral("bundles"), QObject::tr("Bundles"), QStringLiteral(":/icons/bundles.png"),
         QObject::tr("Good / better / best bundles with live price, savings, margin and warnings"),
         [](WorkspaceDocument *d, QWidget *p) -> WorkspaceView * { return new BundlesView(d, p); }},
        {QStringLiteral("lab"), QObject::tr("Lab"), QStringLiteral(":/icons/lab.png"),
         QObject::tr("Back-test the placements against plain baselines on the store's own history; read A/B test results"),
         [](WorkspaceDocument *d, QWidget *p) -> WorkspaceView * { return new LabView(d, p); }},
    };
}

}  // namespace mb
