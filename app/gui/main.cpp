// The desktop application; everything but the entry point lives in ui/ so tests can drive it.
#include "ui/application.h"

int main(int argc, char *argv[])
{
    return mb::runMerchbench(argc, argv);
}
