#pragma once
// The views the main window offers, in sidebar order. A later view plugs in by adding one descriptor to
// builtinViews(); the window builds the sidebar, the View menu (Ctrl+1, Ctrl+2, ...) and the
// --view command-line names from this list.
#include <QIcon>
#include <QString>

#include <functional>
#include <vector>

class QWidget;

namespace mb {

class WorkspaceDocument;
class WorkspaceView;

struct ViewDescriptor {
    QString id;         // command line and settings name: "catalog"
    QString title;      // sidebar and menu text: "Catalog"
    QString iconPath;   // ":/icons/catalog.png"
    QString toolTip;
    std::function<WorkspaceView *(WorkspaceDocument *, QWidget *)> create;
};

std::vector<ViewDescriptor> builtinViews();

}  // namespace mb
