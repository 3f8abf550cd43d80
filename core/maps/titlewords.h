#pragma once
// How alike two products' titles are, for catalogues without categories or families (Online Retail) and for
// matching a category target to its anchor ("Case for Novaphone N8" to "Novaphone N8, 128 GB"). Each title
// becomes a set of words: runs of letters and digits, upper-cased, of two characters or more, not pure
// numbers, not one of a few filler words (AND, FOR, OF, SET, THE, WITH, ...). Two adjacent words that the
// catalogue also writes as one ("CAKE STAND" where another title says "CAKESTAND") count as that one word.
// Every word weighs its inverse document frequency over the catalogue's titles, log(N / df), so that a rare
// word ("TEACUP", "N8") says more than a common one ("RED", "BAG"); similarity is the cosine of the two
// weighted sets, 0 .. 1. Built once per snapshot, O(total title length); similarity() merges two short
// sorted lists and allocates nothing.
#include <cstdint>
#include <string>
#include <vector>

namespace mb {

struct Snapshot;

class TitleWords {
public:
    explicit TitleWords(const Snapshot &snapshot);

    // Cosine of the idf-weighted word sets of two products' titles; 0 when either has no word.
    double similarity(uint32_t a, uint32_t b) const;
    // The words of a product's title as the similarity sees them (tests, explanations).
    std::vector<std::string> words(uint32_t product) const;

private:
    struct Word {
        uint32_t id = 0;
        float weight = 0;
    };
    std::vector<uint32_t> start_;  // CSR by product into words_, sorted by id
    std::vector<Word> words_;
    std::vector<float> norm_;      // per product: the length of its weight vector
    std::vector<std::string> names_;
};

}  // namespace mb
