#pragma once
// What WooCommerce's own CSV code means by a product row's Type, Published, Visibility in catalog, In stock?
// and sale dates (docs/formats-woocommerce.md has each rule and where it was read). The catalog parser uses
// these to read a store export; the contract test uses them to model what the store's importer does.
#include <string>
#include <string_view>

namespace mb::woo {

// The product type the importer gives a Type cell: WC_Product_CSV_Importer::expand_data() lower-cases the
// comma list, drops "virtual" and "downloadable" and takes the first one left; none left is "simple".
std::string productType(std::string_view typeCell);

// Why the store does not sell the product, "" when it does. Published comes from the core exporter's
// get_column_value_published(): 1 publish, 0 private, -1 draft (and pending or any other status, and a
// variation whose parent is a draft). expand_data() turns a variation's -1 into "publish" on import, so a
// -1 variation is read as sold. Visibility "hidden" is not shown anywhere; "search" only in search results
// (WC_Product::is_visible()), so neither is a product to recommend on a product page or in the cart.
// An empty Published cell is "not said" here (the core exporter always writes one).
std::string unavailableReason(std::string_view published, std::string_view visibility, bool variation);

// instock, outofstock, onbackorder from an "In stock?" cell as get_column_value_stock_status() writes it
// (1, 0, "backorder"); "" when the cell is empty or not one of those.
std::string stockStatus(std::string_view inStockCell);

// A sale date as parse_date_field() accepts it: "YYYY-MM-DD" with an optional time after a space; the date
// part, or "" when the cell is empty or not such a date (the importer then ignores it too).
std::string saleDate(std::string_view cell);

// Whether a Sale price applies on `today` (YYYY-MM-DD): from the start date through the end date, both
// days included (the product editor saves an end date as 23:59:59 of that day); an empty date is open.
// Compared by calendar date: the store's time zone is not in the file.
bool saleApplies(const std::string &from, const std::string &to, const std::string &today);

// Today's date in UTC as YYYY-MM-DD.
std::string todayUtc();

}  // namespace mb::woo
