#pragma once
// The placement policies beside the preview: one form per placement, an editor per key (kinds as
// checkboxes, the strategy as a choice, numbers as spin boxes, filters as switches), built from
// policyKeys() so that a key the engine adds appears here too. The panel only reports edits
// (valueEdited); the view turns each into an undo command and shows the result.
#include "core/placement/placementpolicy.h"

#include <QWidget>

#include <map>

class QComboBox;
class QStackedWidget;

namespace mb {

class PolicyPanel : public QWidget {
    Q_OBJECT
public:
    explicit PolicyPanel(QWidget *parent = nullptr);

    // Shows these values without emitting valueEdited.
    void setPolicies(const PolicySet &policies);
    void showPlacement(Placement p);
    Placement currentPlacement() const;
    // The editor of one key (QSpinBox, QDoubleSpinBox, QCheckBox, QComboBox, or the kinds' QWidget).
    QWidget *editor(Placement p, const std::string &key) const;

Q_SIGNALS:
    void valueEdited(mb::Placement placement, const QString &key, const QString &value);

private:
    QWidget *buildForm(Placement p);
    QWidget *buildEditor(Placement p, const PolicyKeyInfo &key, QWidget *parent);
    void showValue(Placement p, const std::string &key, const std::string &value);

    QComboBox *placement_;
    QStackedWidget *pages_;
    std::map<std::pair<Placement, std::string>, QWidget *> editors_;
    PolicySet shown_;
    bool updating_ = false;
};

}  // namespace mb
