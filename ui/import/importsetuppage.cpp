#include "ui/import/importsetuppage.h"

#include "core/io/importparser.h"
#include "ui/import/fieldguess.h"
#include "ui/import/importpreviewmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mb {

namespace {
// The preview needs the header and twenty rows, not a 45 MB file read on the GUI thread.
constexpr qint64 PreviewBytes = 256 * 1024;
const char *const IgnoredPrefix = "(ignored) ";

const std::vector<FieldInfo> &fieldsOf(ImportKind kind) { return kind == ImportKind::Catalog ? catalogFields() : orderFields(); }
}  // namespace

ImportSetupPage::ImportSetupPage(QWidget *parent)
    : QWidget(parent),
      fileLabel_(new QLabel(this)),
      infoLabel_(new QLabel(this)),
      kindCombo_(new QComboBox(this)),
      formatCombo_(new QComboBox(this)),
      strictBox_(new QCheckBox(tr("Strict: refuse the whole file if any row is rejected"), this)),
      warning_(new QLabel(this)),
      mappingTable_(new QTableWidget(this)),
      previewView_(new QTableView(this)),
      preview_(new ImportPreviewModel(this))
{
    fileLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    fileLabel_->setWordWrap(true);
    infoLabel_->setStyleSheet(QStringLiteral("color: palette(mid);"));
    kindCombo_->addItem(tr("Catalog (products)"), int(ImportKind::Catalog));
    kindCombo_->addItem(tr("Orders (order lines)"), int(ImportKind::Orders));
    connect(kindCombo_, &QComboBox::currentIndexChanged, this, &ImportSetupPage::onKindChanged);
    connect(formatCombo_, &QComboBox::currentIndexChanged, this, &ImportSetupPage::changed);
    strictBox_->setToolTip(tr("Lenient (the default) imports the good rows and lists the rejected ones"));
    warning_->setStyleSheet(QStringLiteral("color: #b01c28;"));
    warning_->setWordWrap(true);

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    kindCombo_->setMinimumWidth(260);
    formatCombo_->setMinimumWidth(260);
    form->addRow(tr("File:"), fileLabel_);
    form->addRow(QString(), infoLabel_);
    form->addRow(tr("Contains:"), kindCombo_);
    form->addRow(tr("Format:"), formatCombo_);
    form->addRow(QString(), strictBox_);

    mappingTable_->setColumnCount(2);
    mappingTable_->setHorizontalHeaderLabels({tr("File column"), tr("Read as")});
    mappingTable_->verticalHeader()->setVisible(false);
    mappingTable_->horizontalHeader()->setStretchLastSection(true);
    mappingTable_->horizontalHeader()->resizeSection(0, 150);
    mappingTable_->setSelectionMode(QAbstractItemView::NoSelection);
    mappingTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);

    previewView_->setModel(preview_);
    previewView_->setWordWrap(false);
    previewView_->setAlternatingRowColors(true);
    previewView_->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    previewView_->verticalHeader()->setDefaultSectionSize(previewView_->fontMetrics().height() + 8);

    auto *mappingBox = new QWidget(this);
    auto *ml = new QVBoxLayout(mappingBox);
    ml->setContentsMargins(0, 0, 0, 0);
    ml->addWidget(new QLabel(tr("<b>Columns</b>"), this));
    ml->addWidget(mappingTable_);
    auto *previewBox = new QWidget(this);
    auto *pl = new QVBoxLayout(previewBox);
    pl->setContentsMargins(0, 0, 0, 0);
    pl->addWidget(new QLabel(tr("<b>Preview</b> — the first rows as they will be read"), this));
    pl->addWidget(previewView_);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(mappingBox);
    split->addWidget(previewBox);
    split->setStretchFactor(1, 1);
    split->setSizes({340, 620});
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(warning_);
    layout->addWidget(split, 1);
}

bool ImportSetupPage::setFile(const QString &path, QString &error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        error = tr("%1: cannot be read: %2").arg(path, f.errorString());
        return false;
    }
    QByteArray bytes = f.read(PreviewBytes);
    if (!f.atEnd()) bytes.truncate(bytes.lastIndexOf('\n') + 1);  // no half record at the end
    const TextFile text = TextFile::fromBytes(bytes.toStdString(), path.toStdString());
    if (!text.ok()) {
        error = QString::fromStdString(text.error);
        return false;
    }
    path_ = path;
    const QFileInfo info(path);
    fileLabel_->setText(QStringLiteral("<b>%1</b>").arg(info.fileName().toHtmlEscaped()));
    fileLabel_->setToolTip(info.absoluteFilePath());
    const char delimiter = CsvReader::detectDelimiter(text.data);
    const QString delimName = delimiter == '\t' ? tr("tab") : QStringLiteral("“%1”").arg(QChar(delimiter));
    infoLabel_->setText(tr("%1 · %2 · encoding %3 · separated by %4")
                            .arg(QDir::toNativeSeparators(info.absolutePath()), QLocale().formattedDataSize(info.size()),
                                 QString::fromStdString(text.encoding), delimName));
    preview_->setText(text.data, delimiter);
    detectedKind_ = detectKind(text);
    const QSignalBlocker block(kindCombo_);
    kindCombo_->setCurrentIndex(kindCombo_->findData(int(detectedKind_)));
    onKindChanged();
    return true;
}

ImportKind ImportSetupPage::kind() const { return ImportKind(kindCombo_->currentData().toInt()); }

void ImportSetupPage::setKind(ImportKind kind) { kindCombo_->setCurrentIndex(kindCombo_->findData(int(kind))); }

std::string ImportSetupPage::format() const { return formatCombo_->currentData().toString().toStdString(); }

void ImportSetupPage::setFormat(const std::string &format)
{
    const int i = formatCombo_->findData(QString::fromStdString(format));
    if (i >= 0) formatCombo_->setCurrentIndex(i);
}

bool ImportSetupPage::strict() const { return strictBox_->isChecked(); }

void ImportSetupPage::setStrict(bool strict) { strictBox_->setChecked(strict); }

void ImportSetupPage::onKindChanged()
{
    guesses_.clear();
    for (const std::string &column : preview_->columns()) {
        QString g = QString::fromStdString(guessField(kind(), column));
        if (guesses_.contains(g)) g.clear();  // a field is read from the first column that names it
        guesses_ << g;
    }
    fields_ = guesses_;
    rebuildMappingTable();
    refreshFormats();
}

QString ImportSetupPage::labelOf(const QString &field) const
{
    for (const FieldInfo &f : fieldsOf(kind()))
        if (field == QLatin1String(f.name)) return tr(f.label);
    return field;
}

void ImportSetupPage::rebuildMappingTable()
{
    const auto &columns = preview_->columns();
    mappingTable_->setRowCount(int(columns.size()));
    for (int row = 0; row < int(columns.size()); ++row) {
        auto *name = new QTableWidgetItem(QString::fromStdString(columns[size_t(row)]));
        mappingTable_->setItem(row, 0, name);
        auto *combo = new QComboBox(mappingTable_);
        combo->addItem(tr("— not used —"), QString());
        for (const FieldInfo &f : fieldsOf(kind()))
            combo->addItem(f.required ? tr("%1 (required)").arg(tr(f.label)) : tr(f.label), QString::fromLatin1(f.name));
        combo->setCurrentIndex(std::max(0, combo->findData(fields_.value(row))));
        connect(combo, &QComboBox::currentIndexChanged, this, [this, row, combo] {
            fields_[row] = combo->currentData().toString();
            refreshFormats();
        });
        mappingTable_->setCellWidget(row, 1, combo);
    }
    mappingTable_->resizeRowsToContents();
}

void ImportSetupPage::setFieldOfColumn(int column, const QString &field)
{
    if (column < 0 || column >= fields_.size()) return;
    if (auto *combo = qobject_cast<QComboBox *>(mappingTable_->cellWidget(column, 1)))
        combo->setCurrentIndex(std::max(0, combo->findData(field)));
}

ColumnMapping ImportSetupPage::mapping() const
{
    ColumnMapping m;
    m.kind = kind() == ImportKind::Catalog ? "catalog" : "orders";
    const auto &columns = preview_->columns();
    for (int c = 0; c < int(columns.size()); ++c) {
        if (fields_.value(c) == guesses_.value(c)) continue;
        // A renamed column no alias knows is a column the parser skips.
        const std::string to = fields_[c].isEmpty() ? IgnoredPrefix + columns[size_t(c)] : fields_[c].toStdString();
        m.columns.emplace_back(columns[size_t(c)], to);
    }
    return m;
}

std::string ImportSetupPage::detectedFormat() const
{
    CsvHeader header(std::vector<std::string_view>(preview_->columns().begin(), preview_->columns().end()));
    mapping().apply(header);
    return kind() == ImportKind::Catalog ? detectCatalogFormat(header) : detectOrderFormat(header);
}

void ImportSetupPage::refreshFormats()
{
    const QString previous = formatCombo_->currentData().toString();
    const std::string detected = detectedFormat();
    {
        const QSignalBlocker block(formatCombo_);
        formatCombo_->clear();
        formatCombo_->addItem(detected.empty() ? tr("Automatic — not recognised, map the columns")
                                               : tr("Automatic — %1").arg(QString::fromStdString(detected)),
                              QString());
        for (const std::string &f : kind() == ImportKind::Catalog ? catalogFormats() : orderFormats())
            formatCombo_->addItem(QString::fromStdString(f), QString::fromStdString(f));
        formatCombo_->setCurrentIndex(std::max(0, formatCombo_->findData(previous)));
    }
    QStringList missing;
    for (const FieldInfo &f : fieldsOf(kind()))
        if (f.required && !fields_.contains(QLatin1String(f.name))) missing << tr(f.label);
    warning_->setText(missing.isEmpty() || !detected.empty()
                          ? QString()
                          : tr("No column is read as %1: choose one under “Read as”.").arg(missing.join(tr(" or "))));
    warning_->setVisible(!warning_->text().isEmpty());
    refreshPreviewHeader();
    Q_EMIT changed();
}

void ImportSetupPage::refreshPreviewHeader()
{
    QStringList labels;
    for (const QString &f : fields_) labels << (f.isEmpty() ? QString() : labelOf(f));
    preview_->setFieldLabels(labels);
    previewView_->horizontalHeader()->resizeSections(QHeaderView::ResizeToContents);
    for (int c = 0; c < preview_->columnCount(); ++c)
        previewView_->horizontalHeader()->resizeSection(c, std::min(220, std::max(90, previewView_->horizontalHeader()->sectionSize(c))));
}

bool ImportSetupPage::loadMapping(const QString &file, QString &error)
{
    ColumnMapping m;
    std::string err;
    if (!ColumnMapping::load(file.toStdString(), m, err)) {
        error = QString::fromStdString(err);
        return false;
    }
    if (m.kind == "catalog") setKind(ImportKind::Catalog);
    else if (m.kind == "orders") setKind(ImportKind::Orders);
    const auto &columns = preview_->columns();
    for (const auto &[from, to] : m.columns)
        for (int c = 0; c < int(columns.size()); ++c)
            if (CsvHeader::normalise(columns[size_t(c)]) == CsvHeader::normalise(from))
                setFieldOfColumn(c, to.rfind(IgnoredPrefix, 0) == 0 ? QString() : QString::fromStdString(to));
    return true;
}

bool ImportSetupPage::saveMapping(const QString &file, QString &error) const
{
    // A saved mapping is complete: it names every used column, so it also serves files whose headers the
    // aliases happen to know today.
    ColumnMapping m;
    m.kind = kind() == ImportKind::Catalog ? "catalog" : "orders";
    const auto &columns = preview_->columns();
    for (int c = 0; c < int(columns.size()); ++c)
        if (!fields_.value(c).isEmpty()) m.columns.emplace_back(columns[size_t(c)], fields_[c].toStdString());
    std::string err;
    if (!m.save(file.toStdString(), err)) {
        error = QString::fromStdString(err);
        return false;
    }
    return true;
}

}  // namespace mb
