#include "ui/maps/relationspanel.h"

#include "ui/flowlayout.h"

#include "ui/maps/kindtext.h"
#include "ui/maps/mapcommands.h"
#include "ui/maps/mapdata.h"
#include "ui/maps/relationsmodel.h"
#include "ui/workspacedocument.h"

#include "core/maps/relationrules.h"

#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QStringListModel>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace mb {

RelationsPanel::RelationsPanel(WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent), document_(document), model_(new RelationsModel(this)), title_(new QLabel(this)),
      subtitle_(new QLabel(this)), addBox_(new QLineEdit(this)), addKind_(new QComboBox(this)), tree_(new QTreeView(this))
{
    QFont big = title_->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    title_->setFont(big);
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    subtitle_->setStyleSheet(QStringLiteral("color: #555;"));

    addBox_->setObjectName(QStringLiteral("addRelationBox"));
    addBox_->setPlaceholderText(tr("Add a product or category by SKU, title or path…"));
    addBox_->setClearButtonEnabled(true);
    auto *completer = new QCompleter(new QStringListModel(this), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setMaxVisibleItems(14);
    addBox_->setCompleter(completer);
    for (RelationKind k : allKinds) addKind_->addItem(kindTitle(k), int(k));
    addKind_->setCurrentIndex(int(RelationKind::Accessory));
    addKind_->setToolTip(tr("The kind of the relation to add"));
    auto *addButton = new QPushButton(tr("Add"), this);
    connect(addButton, &QPushButton::clicked, this, &RelationsPanel::addFromSearch);
    connect(addBox_, &QLineEdit::returnPressed, this, &RelationsPanel::addFromSearch);

    tree_->setModel(model_);
    tree_->setObjectName(QStringLiteral("relationsTree"));
    tree_->setAlternatingRowColors(true);
    tree_->setUniformRowHeights(true);
    tree_->setSelectionMode(QAbstractItemView::SingleSelection);
    tree_->setSelectionBehavior(QAbstractItemView::SelectRows);
    tree_->setDragDropMode(QAbstractItemView::InternalMove);
    tree_->setDefaultDropAction(Qt::MoveAction);
    tree_->setDropIndicatorShown(true);
    tree_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    tree_->setContextMenuPolicy(Qt::CustomContextMenu);
    // In the tool tip rather than beside the buttons: a label there would set the panel's minimum width.
    tree_->setToolTip(tr("Drag a relation to reorder it within its kind; double-click a pitch to edit it; right-click for more"));
    // Rows as tall as the tables' (tablestyle), so the tree does not look cramped beside them.
    tree_->setStyleSheet(QStringLiteral("QTreeView::item { padding: 3px 0px; }"));
    // The target takes what the pitch and the source leave, so the tree fits its panel at any window
    // width (at 1024 px the three no longer fit at fixed widths and the tree scrolled sideways).
    QHeaderView *h = tree_->header();
    h->setStretchLastSection(false);
    h->setSectionResizeMode(RelationsModel::Target, QHeaderView::Stretch);
    h->resizeSection(RelationsModel::Pitch, 230);
    h->resizeSection(RelationsModel::Source, 150);   // "From Phones > Smartphones" elides before the target does
    connect(tree_, &QWidget::customContextMenuRequested, this, &RelationsPanel::showMenu);
    connect(model_, &QAbstractItemModel::modelReset, this, [this] {
        tree_->expandAll();
        const QModelIndex again = model_->indexOfRelation(selected_);
        if (again.isValid()) tree_->setCurrentIndex(again);
        updateHeading();
        updateActions();
    });
    connect(tree_->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        const auto *it = model_->item(current);
        selected_ = it ? it->relation.id : 0;
        updateActions();
    });
    connect(model_, &RelationsModel::pitchEditRequested, this,
            [this](const Relation &r, const QString &pitch) { editPitch(r.id, pitch); });
    connect(model_, &RelationsModel::reorderRequested, this,
            [this](RelationKind kind, const std::vector<int64_t> &before, const std::vector<int64_t> &after) {
                push(new ReorderRelationsCommand(document_, before, after, kind));
            });

    auto action = [this](const QString &text, const QKeySequence &key, auto slot, const QString &tip) {
        auto *a = new QAction(text, this);
        a->setShortcut(key);
        // The tool tip names the key, so the shortcut is found by hovering the button, not only in the code.
        a->setToolTip(key.isEmpty() ? tip : tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        a->setStatusTip(tip);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    remove_ = action(tr("Remove"), QKeySequence::Delete, [this] { removeRelation(currentId()); },
                     tr("Remove the selected relation from the map"));
    up_ = action(tr("Move Up"), QKeySequence(Qt::ALT | Qt::Key_Up), [this] { moveRelation(currentId(), -1); },
                 tr("Show the selected relation earlier among those of its kind"));
    down_ = action(tr("Move Down"), QKeySequence(Qt::ALT | Qt::Key_Down), [this] { moveRelation(currentId(), +1); },
                   tr("Show the selected relation later among those of its kind"));
    exclude_ = action(tr("Exclude for This Product"), {}, [this] { excludeInherited(currentId()); },
                      tr("Keep a rule inherited from the category off this product"));
    include_ = action(tr("Include Again"), {}, [this] { includeInherited(currentId()); },
                      tr("Apply the excluded category rule to this product again"));
    editPitch_ = action(tr("Edit Pitch"), QKeySequence(Qt::Key_F2), [this] {
        tree_->edit(tree_->currentIndex().siblingAtColumn(RelationsModel::Pitch));
    }, tr("Edit the sentence shown to the customer beside the selected relation"));
    kindMenu_ = new QMenu(tr("Change Kind"), this);
    for (RelationKind k : allKinds)
        kindMenu_->addAction(kindTitle(k), this, [this, k] { changeKind(currentId(), k); })->setToolTip(kindHint(k));

    auto *addRow = new QHBoxLayout;
    addRow->addWidget(addBox_, 1);
    addRow->addWidget(new QLabel(tr("as"), this));
    addRow->addWidget(addKind_);
    addRow->addWidget(addButton);

    // The buttons wrap onto a second line when the panel is narrow (a 1024 px window), rather than
    // widening the Maps view past the window.
    auto *buttons = new FlowLayout;
    buttons->setSpacing(4);
    QLayout *into = buttons;
    auto button = [&](QAction *a) {
        auto *b = new QToolButton(this);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        into->addWidget(b);
        return b;
    };
    button(up_);
    button(down_);
    auto *kindButton = new QToolButton(this);
    kindButton->setText(tr("Change Kind"));
    kindButton->setMenu(kindMenu_);
    kindButton->setPopupMode(QToolButton::InstantPopup);
    kindButton->setObjectName(QStringLiteral("changeKindButton"));
    kindButton->setToolTip(tr("Make the selected relation a necessity, enhancement, accessory, consumable or upgrade"));
    connect(kindMenu_, &QMenu::aboutToShow, this, &RelationsPanel::updateActions);
    buttons->addWidget(kindButton);
    button(editPitch_)->setObjectName(QStringLiteral("editPitchButton"));
    button(remove_);
    // Exclude and Include Again go together, a little apart from the editing buttons.
    auto *exclusion = new QWidget(this);
    auto *el = new QHBoxLayout(exclusion);
    el->setContentsMargins(12, 0, 0, 0);
    el->setSpacing(4);
    into = el;
    button(exclude_);
    button(include_);
    buttons->addWidget(exclusion);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title_);
    layout->addWidget(subtitle_);
    layout->addSpacing(4);
    layout->addLayout(addRow);
    layout->addWidget(tree_, 1);
    layout->addLayout(buttons);
    updateHeading();
    updateActions();
}

void RelationsPanel::setMapData(std::shared_ptr<const MapData> data)
{
    data_ = data;
    // The completions were made with the labels, on the worker that built the map data.
    static_cast<QStringListModel *>(addBox_->completer()->model())->setStringList(data_ ? data_->entries->completions : QStringList());
    model_->setMapData(std::move(data));
}

void RelationsPanel::updateMapData(std::shared_ptr<const MapData> data)
{
    data_ = data;
    // The relation being worked on stays selected through the edit (a move, a change of kind, an undo).
    const int64_t keep = selected_;
    model_->updateMapData(std::move(data));
    const QModelIndex again = model_->indexOfRelation(keep);
    if (again.isValid() && tree_->currentIndex() != again) {
        tree_->expand(again.parent());
        tree_->setCurrentIndex(again);
    }
    selected_ = again.isValid() ? keep : selected_;
    updateHeading();
    updateActions();
}

void RelationsPanel::setAnchor(EndpointType type, int32_t index)
{
    if (type != model_->anchorType() || index != model_->anchorIndex()) selected_ = 0;
    model_->setAnchor(type, index);
}

void RelationsPanel::updateHeading()
{
    const int32_t a = model_->anchorIndex();
    if (!data_ || a < 0) {
        title_->setText(tr("No anchor selected"));
        subtitle_->setText(tr("Pick a product or a category on the left to see and edit its map."));
        return;
    }
    const Snapshot &s = *data_->snapshot;
    const QString counts = (model_->ownCount() == 1 ? tr("1 own relation") : tr("%1 own relations").arg(model_->ownCount())) + QStringLiteral(" · ") +
                           tr("%1 inherited").arg(model_->inheritedCount());
    if (model_->anchorType() == EndpointType::Product) {
        const SnapshotProduct &p = s.products[size_t(a)];
        title_->setText(data_->productLabel(uint32_t(a)));
        subtitle_->setText(data_->categoryLabel(p.category) + QStringLiteral(" · ") + counts);
    } else {
        title_->setText(data_->categoryLabel(a));
        subtitle_->setText(tr("Category: its rules apply to the %1 products in it and below it").arg(data_->resolver->productsIn(a).size()) +
                           QStringLiteral(" · ") + counts);
    }
}

int64_t RelationsPanel::currentId() const { return selected_; }

void RelationsPanel::updateActions()
{
    const QModelIndex idx = model_->indexOfRelation(selected_);
    const auto *it = model_->item(idx);
    const bool own = it && !it->inherited && !it->orphanExclusion;
    remove_->setEnabled(own);
    editPitch_->setEnabled(own);
    kindMenu_->setEnabled(own);
    const auto ids = own ? model_->ownIds(it->relation.kind) : std::vector<int64_t>();
    up_->setEnabled(own && !ids.empty() && ids.front() != selected_);
    down_->setEnabled(own && !ids.empty() && ids.back() != selected_);
    const bool product = model_->anchorType() == EndpointType::Product;
    exclude_->setEnabled(it && it->inherited && !it->excluded() && product);
    include_->setEnabled(it && (it->orphanExclusion || (it->inherited && it->excluded())));
    for (QAction *k : kindMenu_->actions()) k->setEnabled(own && k->text() != kindTitle(it->relation.kind));
}

void RelationsPanel::showMenu(const QPoint &pos)
{
    const QModelIndex idx = tree_->indexAt(pos);
    if (!model_->item(idx)) return;
    tree_->setCurrentIndex(idx);
    updateActions();
    QMenu menu(this);
    const auto *it = model_->item(idx);
    if (it->inherited || it->orphanExclusion) {
        menu.addAction(exclude_);
        menu.addAction(include_);
    } else {
        menu.addAction(editPitch_);
        menu.addMenu(kindMenu_);
        menu.addAction(up_);
        menu.addAction(down_);
        menu.addSeparator();
        menu.addAction(remove_);
    }
    menu.exec(tree_->viewport()->mapToGlobal(pos));
}

void RelationsPanel::push(QUndoCommand *command) { document_->undoStack()->push(command); }

bool RelationsPanel::addFromSearch()
{
    const int32_t entry = data_ ? data_->entries->entryOfCompletion.value(addBox_->text().trimmed(), -1) : -1;
    if (entry < 0) {
        if (!addBox_->text().trimmed().isEmpty())
            document_->reportError(tr("“%1” is no product or category: pick one from the list as you type.").arg(addBox_->text()));
        return false;
    }
    const AnchorEntry &e = data_->entries->entries[size_t(entry)];
    if (!addRelation(e.type, e.index, RelationKind(addKind_->currentData().toInt()))) return false;
    addBox_->clear();
    return true;
}

bool RelationsPanel::addRelation(EndpointType targetType, int32_t targetIndex, RelationKind kind)
{
    if (!data_ || model_->anchorIndex() < 0 || targetIndex < 0) return false;
    Relation r;
    r.anchorType = model_->anchorType();
    r.anchorId = model_->anchorId();
    r.targetType = targetType;
    r.targetId = data_->endpointId(targetType, targetIndex);
    r.kind = kind;
    r.position = model_->nextPosition(kind);
    const QString label = data_->endpointLabel(targetType, r.targetId);
    std::vector<Relation> existing;
    for (const auto kindIds : allKinds)
        for (int64_t id : model_->ownIds(kindIds))
            if (const auto *x = model_->item(model_->indexOfRelation(id))) existing.push_back(x->relation);
    const Relation *duplicate = nullptr;
    switch (checkNewRelation(r, existing, &duplicate)) {
    case NewRelationProblem::ToItself:
        document_->reportError(tr("%1 cannot be related to itself.").arg(label));
        return false;
    case NewRelationProblem::Duplicate:
        document_->reportError(tr("%1 is already in this map as %2.").arg(label, kindTitle(duplicate->kind).toLower()));
        return false;
    case NewRelationProblem::None: break;
    }
    selected_ = 0;
    push(new AddRelationCommand(document_, r, label));
    return true;
}

bool RelationsPanel::removeRelation(int64_t id)
{
    const auto *it = model_->item(model_->indexOfRelation(id));
    if (!it || it->inherited || it->orphanExclusion) return false;
    push(new RemoveRelationCommand(document_, it->relation, model_->targetLabel(it->relation)));
    return true;
}

bool RelationsPanel::editPitch(int64_t id, const QString &pitch)
{
    const auto *it = model_->item(model_->indexOfRelation(id));
    if (!it || it->inherited || it->orphanExclusion || pitch.trimmed().toStdString() == it->relation.pitch) return false;
    push(new EditPitchCommand(document_, it->relation, pitch.trimmed().toStdString(), model_->targetLabel(it->relation)));
    return true;
}

bool RelationsPanel::changeKind(int64_t id, RelationKind kind)
{
    const auto *it = model_->item(model_->indexOfRelation(id));
    if (!it || it->inherited || it->orphanExclusion || it->relation.kind == kind) return false;
    push(new ChangeKindCommand(document_, it->relation, kind, model_->nextPosition(kind), model_->targetLabel(it->relation)));
    return true;
}

bool RelationsPanel::moveRelation(int64_t id, int delta)
{
    const auto *it = model_->item(model_->indexOfRelation(id));
    if (!it || it->inherited || it->orphanExclusion) return false;
    const std::vector<int64_t> before = model_->ownIds(it->relation.kind);
    std::vector<int64_t> after = before;
    const auto pos = std::find(after.begin(), after.end(), id) - after.begin();
    const auto to = pos + delta;
    if (to < 0 || to >= long(after.size())) return false;
    std::swap(after[size_t(pos)], after[size_t(to)]);
    push(new ReorderRelationsCommand(document_, before, after, it->relation.kind));
    return true;
}

bool RelationsPanel::excludeInherited(int64_t ruleId)
{
    const auto *it = model_->item(model_->indexOfRelation(ruleId));
    if (!it || !it->inherited || it->excluded() || model_->anchorType() != EndpointType::Product) return false;
    Relation ex;
    ex.anchorType = EndpointType::Product;
    ex.anchorId = model_->anchorId();
    ex.targetType = it->relation.targetType;
    ex.targetId = it->relation.targetId;
    ex.kind = it->relation.kind;
    ex.status = RelationStatus::Excluded;
    push(new ExcludeInheritedCommand(document_, ex, model_->targetLabel(it->relation)));
    return true;
}

bool RelationsPanel::includeInherited(int64_t id)
{
    const auto *it = model_->item(model_->indexOfRelation(id));
    if (!it) return false;
    if (it->orphanExclusion) push(new IncludeInheritedCommand(document_, it->relation, model_->targetLabel(it->relation)));
    else if (it->inherited && it->exclusion) push(new IncludeInheritedCommand(document_, *it->exclusion, model_->targetLabel(it->relation)));
    else return false;
    return true;
}

void RelationsPanel::saveHeader(QByteArray &state) const { state = tree_->header()->saveState(); }
void RelationsPanel::restoreHeader(const QByteArray &state) { tree_->header()->restoreState(state); }

}  // namespace mb
