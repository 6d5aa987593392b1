// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a libFuzzer harness without libFuzzer (any compiler): every corpus file, then
// deterministic random mutations of them (bit flips, CSV-significant bytes, dictionary tokens,
// inserted/deleted/duplicated ranges, splices). A crash or abort in the harness fails the test.
//
//     fuzz_<name>_replay [--mutations N] [--seed S] [--dict FILE] CORPUS_DIR_OR_FILE...
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes readFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// libFuzzer/AFL dictionary lines: name="value" or "value", with \\, \" and \xNN escapes.
std::vector<Bytes> readDictionary(const std::filesystem::path &path)
{
    std::vector<Bytes> tokens;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        const auto open = line.find('"');
        const auto close = line.rfind('"');
        if (line.empty() || line[0] == '#' || open == std::string::npos || close <= open)
            continue;
        Bytes token;
        for (std::size_t i = open + 1; i < close; ++i) {
            if (line[i] == '\\' && i + 1 < close) {
                ++i;
                if (line[i] == 'x' && i + 2 < close) {
                    token.push_back(static_cast<std::uint8_t>(std::stoi(line.substr(i + 1, 2), nullptr, 16)));
                    i += 2;
                    continue;
                }
            }
            token.push_back(static_cast<std::uint8_t>(line[i]));
        }
        tokens.push_back(std::move(token));
    }
    return tokens;
}

void mutate(Bytes &data, const std::vector<Bytes> &corpus, const std::vector<Bytes> &dict, std::mt19937_64 &rng)
{
    static const char kSpecial[] = {',', '"', '\n', '\r', '#', '-', '+', '.', ':', 'T', 'Z', 'e', '0', '9', ' '};
    const auto pick = [&](std::size_t n) { return n == 0 ? std::size_t{0} : std::size_t(rng() % n); };
    const int steps = 1 + int(rng() % 4);
    for (int s = 0; s < steps; ++s) {
        switch (rng() % 7) {
        case 0: // flip a bit
            if (!data.empty())
                data[pick(data.size())] ^= std::uint8_t(1u << (rng() % 8));
            break;
        case 1: // overwrite with a byte that matters to CSV
            if (!data.empty())
                data[pick(data.size())] = std::uint8_t(kSpecial[pick(sizeof kSpecial)]);
            break;
        case 2: // insert a byte
            data.insert(data.begin() + std::ptrdiff_t(pick(data.size() + 1)), std::uint8_t(kSpecial[pick(sizeof kSpecial)]));
            break;
        case 3: { // delete a range
            if (data.empty())
                break;
            const std::size_t at = pick(data.size());
            const std::size_t n = 1 + pick(std::min<std::size_t>(32, data.size() - at));
            data.erase(data.begin() + std::ptrdiff_t(at), data.begin() + std::ptrdiff_t(std::min(data.size(), at + n)));
            break;
        }
        case 4: { // duplicate a range
            if (data.empty())
                break;
            const std::size_t at = pick(data.size());
            const std::size_t n = 1 + pick(std::min<std::size_t>(64, data.size() - at));
            const Bytes piece(data.begin() + std::ptrdiff_t(at), data.begin() + std::ptrdiff_t(at + n));
            data.insert(data.begin() + std::ptrdiff_t(pick(data.size() + 1)), piece.begin(), piece.end());
            break;
        }
        case 5: { // splice in part of another corpus file
            const Bytes &other = corpus[pick(corpus.size())];
            if (other.empty())
                break;
            const std::size_t at = pick(other.size());
            const std::size_t n = 1 + pick(other.size() - at);
            data.insert(data.begin() + std::ptrdiff_t(pick(data.size() + 1)), other.begin() + std::ptrdiff_t(at),
                        other.begin() + std::ptrdiff_t(at + n));
            break;
        }
        case 6: // insert a dictionary token
            if (!dict.empty()) {
                const Bytes &token = dict[pick(dict.size())];
                data.insert(data.begin() + std::ptrdiff_t(pick(data.size() + 1)), token.begin(), token.end());
            }
            break;
        }
    }
    if (data.size() > 8192)
        data.resize(8192);
}

} // namespace

int main(int argc, char **argv)
{
    long mutations = 10'000;
    std::uint64_t seed = 1;
    std::vector<Bytes> corpus;
    std::vector<Bytes> dict;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--mutations" && i + 1 < argc) {
            mutations = std::atol(argv[++i]);
        } else if (arg == "--seed" && i + 1 < argc) {
            seed = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == "--dict" && i + 1 < argc) {
            dict = readDictionary(argv[++i]);
        } else if (std::filesystem::is_directory(arg)) {
            std::vector<std::filesystem::path> files;
            for (const auto &entry : std::filesystem::directory_iterator(arg))
                if (entry.is_regular_file())
                    files.push_back(entry.path());
            std::sort(files.begin(), files.end()); // same order everywhere: reproducible runs
            for (const auto &f : files)
                corpus.push_back(readFile(f));
        } else if (std::filesystem::is_regular_file(arg)) {
            corpus.push_back(readFile(arg));
        } else {
            std::fprintf(stderr, "no such corpus file or directory: %s\n", arg.c_str());
            return 2;
        }
    }
    if (corpus.empty()) {
        std::fprintf(stderr, "usage: %s [--mutations N] [--seed S] [--dict FILE] CORPUS...\n", argv[0]);
        return 2;
    }
    for (const Bytes &input : corpus)
        LLVMFuzzerTestOneInput(input.data(), input.size());
    std::mt19937_64 rng(seed);
    for (long m = 0; m < mutations; ++m) {
        Bytes input = corpus[std::size_t(rng() % corpus.size())];
        mutate(input, corpus, dict, rng);
        LLVMFuzzerTestOneInput(input.data(), input.size());
    }
    std::printf("%zu corpus inputs and %ld mutations (seed %llu): no failure\n", corpus.size(), mutations,
                static_cast<unsigned long long>(seed));
    return 0;
}
