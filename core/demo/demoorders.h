#pragma once
// The demo store's order history: customers on purchase journeys (a hero product with its accessories,
// consumables re-bought on a rhythm, upgrades, add-ons, gift cards, cancellations and returns), spread
// over the months before the end date with seasonal, weekly and hourly patterns.
#include "core/demo/democatalog.h"
#include "core/demo/demogenerator.h"
#include "core/io/importrecords.h"

namespace mb::demo {

class DemoRandom;

// Expects clamped parameters (see generateDemoStore).
OrderBatch simulateDemoOrders(const DemoCatalog &catalog, const DemoParameters &p, DemoRandom &rng);

}  // namespace mb::demo
