#include "core/demo/demojourneys.h"

#include <string>

namespace mb::demo {

int deptOf(const DemoProduct &p)
{
    static const char *const prefix[DeptCount] = {"CAM", "COF", "PRN", "BIK", "PHN"};
    const std::string_view code = demoSubcategories()[size_t(p.sub)].code;
    for (int d = 0; d < DeptCount; ++d)
        if (code.substr(0, 3) == prefix[d])
            return d;
    return -1;
}

const std::vector<std::vector<HeroChoice>> &heroSubs()
{
    static const std::vector<std::vector<HeroChoice>> subs = {
        {{"CAM-MIR", 0.6}, {"CAM-CMP", 0.4}},
        {{"COF-MAC", 1.0}},
        {{"PRN-INK", 0.6}, {"PRN-LSR", 0.4}},
        {{"BIK-CTY", 0.45}, {"BIK-MTB", 0.35}, {"BIK-EBK", 0.2}},
        {{"PHN-SMP", 1.0}},
    };
    return subs;
}

std::vector<AttachRule> attachRules(const DemoProduct &hero)
{
    const std::string code = demoSubcategories()[size_t(hero.sub)].code;
    if (code == "CAM-MIR")
        return {{"CAM-CRD", 0.65, 0.25}, {"CAM-BAG", 0.35, 0}, {"CAM-BAT", 0.30, 0.1}, {"CAM-LNS", 0.15, 0},
                {"CAM-TRI", 0.10, 0}};
    if (code == "CAM-CMP")
        return {{"CAM-CRD", 0.60, 0.15}, {"CAM-BAG", 0.30, 0}, {"CAM-BAT", 0.20, 0}, {"CAM-TRI", 0.05, 0}};
    if (code == "COF-MAC") {
        if (hero.system == "filter")
            return {{"COF-FLT", 0.70, 0.15}, {"COF-BNS", 0.30, 0.3}, {"COF-DSC", 0.20, 0}, {"COF-ACC", 0.08, 0}};
        if (hero.system.rfind("pod:", 0) == 0)
            return {{"COF-POD", 0.80, 1.0}, {"COF-DSC", 0.25, 0}, {"COF-ACC", 0.10, 0}};
        return {{"COF-BNS", 0.70, 0.4}, {"COF-DSC", 0.25, 0}, {"COF-FLT", 0.25, 0}, {"COF-ACC", 0.30, 0},
                {"COF-GRD", 0.12, 0}};
    }
    if (code == "PRN-INK")
        return {{"PRN-CRT", 0.75, 0.1}, {"PRN-PAP", 0.45, 0.3}};
    if (code == "PRN-LSR")
        return {{"PRN-CRT", 0.55, 0}, {"PRN-PAP", 0.50, 0.5}};
    if (code.rfind("BIK-", 0) == 0)
        return {{"BIK-HLM", 0.55, 0}, {"BIK-LCK", 0.50, 0}, {"BIK-LGT", 0.40, 0}, {"BIK-MNT", 0.15, 0}};
    if (code == "PHN-SMP")
        return {{"PHN-CAS", 0.60, 0}, {"PHN-SCR", 0.45, 0}, {"PHN-CHG", 0.30, 0}, {"PHN-AUD", 0.12, 0}};
    return {};
}

RefillPlan refillPlan(const DemoProduct &hero)
{
    if (hero.system == "filter")
        return {"COF-FLT", 0.75, 0.15, 0.08};
    if (hero.system.rfind("pod:", 0) == 0)
        return {"COF-POD", 0.80, 0.9, 0.2};
    if (hero.system == "espresso")
        return {"COF-BNS", 0.70, 0.4, 0.25};
    if (hero.system.rfind("ink:", 0) == 0 || hero.system.rfind("toner:", 0) == 0)
        return {"PRN-CRT", 0.60, 0.1, 0.1};
    return {};
}

}  // namespace mb::demo
