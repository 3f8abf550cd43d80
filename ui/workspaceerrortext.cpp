#include "ui/workspaceerrortext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace mb {

QString workspaceErrorText(const QString &path, WorkspaceError kind, const QString &detail)
{
    const QString name = QFileInfo(path).fileName();
    QString what;
    switch (kind) {
    case WorkspaceError::NotAWorkspace:
        what = QCoreApplication::translate("mb", "“%1” is not a Merchbench workspace.").arg(name);
        break;
    case WorkspaceError::NewerVersion:
        what = QCoreApplication::translate("mb", "“%1” was saved by a newer version of Merchbench. Update Merchbench to "
                                                 "open it; the file was left untouched.").arg(name);
        break;
    case WorkspaceError::Corrupt:
        what = QCoreApplication::translate("mb", "“%1” is damaged and cannot be read. Restore it from a backup.").arg(name);
        break;
    case WorkspaceError::Busy:
        what = QCoreApplication::translate("mb", "“%1” is in use by another program. Close it there and try again.").arg(name);
        break;
    case WorkspaceError::ReadOnly:
    case WorkspaceError::CannotOpen:
        what = QCoreApplication::translate("mb", "“%1” cannot be opened.").arg(name);
        break;
    case WorkspaceError::None:
    case WorkspaceError::Failed:
        what = QCoreApplication::translate("mb", "“%1” could not be opened.").arg(name);
        break;
    }
    return QStringLiteral("<p><b>%1</b></p><p>%2</p><p style='color:gray'>%3</p>")
        .arg(what.toHtmlEscaped(), detail.toHtmlEscaped(), QDir::toNativeSeparators(path).toHtmlEscaped());
}

}  // namespace mb
