#pragma once
// File ▸ Export…: maps and bundles in a chosen format (Merchbench JSON, bundle CSV, WooCommerce, Magento,
// Shopify), written atomically (QSaveFile), with what the format could not carry said afterwards.
#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace mb {

class WorkspaceDocument;

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportDialog(WorkspaceDocument *document, QWidget *parent = nullptr);

    // Writes the export to path with the dialog's choices; false with error set. Used by accept() and tests.
    bool exportTo(const QString &path, QString &error, QStringList *notes = nullptr);
    void setFormat(const QString &name);   // json, csv, woocommerce, magento, shopify

    void accept() override;

private:
    void updateChoices();
    WorkspaceDocument *document_;
    QComboBox *format_, *wooStyle_;
    QCheckBox *maps_, *bundles_;
    QLineEdit *path_;
    QLabel *hint_;
};

}  // namespace mb
