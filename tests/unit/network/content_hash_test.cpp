#include "network/content_hash.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace corridor;

TEST_CASE("the content hash is xxHash64's for no bytes, and the same whether bytes come whole or in pieces",
          "[network][prepared]") {
    // xxHash64 of the empty input with seed 0, from the xxHash specification's test vectors.
    CHECK(content_hash("") == 0xEF46DB3751D8E999ull);
    std::string bytes;
    for (int i = 0; i < 300; ++i) bytes.push_back(static_cast<char>(i * 37 + 11));
    for (std::size_t size : {0u, 1u, 7u, 31u, 32u, 33u, 64u, 95u, 200u, 300u}) {
        std::string_view whole(bytes.data(), size);
        for (std::size_t piece : {32u, 64u, 96u}) {
            ContentHasher hasher(5);
            std::size_t done = 0;
            for (; size - done > piece; done += piece) hasher.add(whole.substr(done, piece));
            hasher.add(whole.substr(done));
            INFO(size << " bytes in pieces of " << piece);
            CHECK(hasher.finish() == content_hash(whole, 5));
        }
    }
    // A changed byte or length changes the hash.
    CHECK(content_hash(std::string_view(bytes.data(), 100)) !=
          content_hash(std::string_view(bytes.data(), 99)));
    std::string changed = bytes;
    changed[150] ^= 1;
    CHECK(content_hash(changed) != content_hash(bytes));
}
