// Stand-in for libFuzzer when the compiler has none: feeds every fixture, then seeded random mutations of
// them (bit flips, cuts, splices, quote and newline injection) to LLVMFuzzerTestOneInput. A crash or a
// sanitizer report fails the test; the seed is printed so a failure can be replayed.
#include <QDir>
#include <QDirIterator>
#include <QFile>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    const QString dir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    const long iterations = argc > 2 ? std::atol(argv[2]) : 10000;
    const unsigned seed = argc > 3 ? unsigned(std::atol(argv[3])) : 20261121u;
    std::vector<std::string> corpus;
    QDirIterator it(dir, {"*.csv", "*.txt", "*.json"}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.size() < 256 * 1024) corpus.push_back(f.readAll().toStdString());
    }
    corpus.push_back("a,b\n\"1,2\n");
    corpus.push_back("\xEF\xBB\xBFsku;price\r\nA;1,5\r\n");
    for (const auto &c : corpus) LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(c.data()), c.size());
    std::mt19937 rng(seed);
    static const char tokens[] = {'"', ',', ';', '\t', '\n', '\r', '\0', '\'', '=', '-', '.', '\xC3', '\xFF'};
    for (long i = 0; i < iterations; ++i) {
        std::string s = corpus[rng() % corpus.size()];
        const int edits = 1 + int(rng() % 8);
        for (int e = 0; e < edits && !s.empty(); ++e) {
            const size_t pos = rng() % s.size();
            switch (rng() % 5) {
            case 0: s[pos] = char(s[pos] ^ (1 << (rng() % 8))); break;
            case 1: s.insert(s.begin() + long(pos), tokens[rng() % sizeof tokens]); break;
            case 2: s.erase(pos, 1 + rng() % 16); break;
            case 3: s.resize(pos); break;
            case 4: {
                const std::string &o = corpus[rng() % corpus.size()];
                if (!o.empty()) s.insert(pos, o.substr(rng() % o.size(), 1 + rng() % 64));
                break;
            }
            }
        }
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(s.data()), s.size());
    }
    std::printf("fuzz: %zu seeds, %ld mutated inputs, seed %u: no crash\n", corpus.size(), iterations, seed);
    return 0;
}
