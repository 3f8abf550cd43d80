#pragma once
// First page of the import dialog: the file, its detected kind and format (both changeable), the column
// mapping (a field per file column, saved and loaded as JSON), strict or lenient, and a preview of the
// first rows as they will be read.
#include "core/io/columnmapping.h"
#include "core/io/importrecords.h"

#include <QStringList>
#include <QWidget>

#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QTableView;
class QTableWidget;

namespace mb {

class ImportPreviewModel;

class ImportSetupPage : public QWidget {
    Q_OBJECT
public:
    explicit ImportSetupPage(QWidget *parent = nullptr);

    // Reads the start of the file for the preview; false with error when it is not usable text.
    bool setFile(const QString &path, QString &error);
    QString path() const { return path_; }

    ImportKind kind() const;
    void setKind(ImportKind kind);
    ImportKind detectedKind() const { return detectedKind_; }
    std::string format() const;           // "" = detect (after the mapping is applied)
    std::string detectedFormat() const;   // what detection finds with the current mapping, "" = none
    void setFormat(const std::string &format);
    bool strict() const;
    void setStrict(bool strict);

    // The columns the user mapped differently from what the parser would read on its own.
    ColumnMapping mapping() const;
    QString fieldOfColumn(int column) const { return fields_.value(column); }
    void setFieldOfColumn(int column, const QString &field);
    bool loadMapping(const QString &file, QString &error);
    bool saveMapping(const QString &file, QString &error) const;

    ImportPreviewModel *preview() const { return preview_; }

Q_SIGNALS:
    void changed();

private:
    void onKindChanged();
    void rebuildMappingTable();
    void refreshFormats();
    void refreshPreviewHeader();
    QString labelOf(const QString &field) const;

    QString path_;
    ImportKind detectedKind_ = ImportKind::Orders;
    QStringList guesses_;   // field per column the parser's aliases would pick ("" none)
    QStringList fields_;    // field per column the user settled on
    QLabel *fileLabel_;
    QLabel *infoLabel_;
    QComboBox *kindCombo_;
    QComboBox *formatCombo_;
    QCheckBox *strictBox_;
    QLabel *warning_;
    QTableWidget *mappingTable_;
    QTableView *previewView_;
    ImportPreviewModel *preview_;
};

}  // namespace mb
