// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/parse/DecimalToDouble.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <vector>

namespace sasquatch {

namespace {

__extension__ typedef unsigned __int128 UInt128; // GCC/Clang; __extension__ keeps -Wpedantic quiet

constexpr int kMinExponent = -160;
constexpr int kMaxExponent = 160;

// 5^q as m x 2^binaryExponent with m in [2^127, 2^128): exact when `exact`, otherwise m is
// truncated so that 5^q lies in [m, m + 1) x 2^binaryExponent.
struct PowerOfFive
{
    std::uint64_t high = 0;
    std::uint64_t low = 0;
    int binaryExponent = 0;
    bool exact = false;
};

// Just enough unsigned big-integer arithmetic to build the table once (little-endian limbs).
class BigNumber
{
public:
    explicit BigNumber(std::uint32_t value) : m_limbs{value} {}

    void multiplyBy5()
    {
        std::uint64_t carry = 0;
        for (std::uint32_t &limb : m_limbs) {
            const std::uint64_t v = std::uint64_t{limb} * 5 + carry;
            limb = static_cast<std::uint32_t>(v);
            carry = v >> 32;
        }
        if (carry != 0)
            m_limbs.push_back(static_cast<std::uint32_t>(carry));
    }
    int bitLength() const
    {
        return static_cast<int>(m_limbs.size() * 32) - std::countl_zero(m_limbs.back());
    }
    bool bit(int index) const
    {
        const auto limb = static_cast<std::size_t>(index / 32);
        return limb < m_limbs.size() && ((m_limbs[limb] >> (index % 32)) & 1u) != 0;
    }
    // 128 bits starting at bit `from` (bits beyond the number read as 0).
    UInt128 bits128(int from) const
    {
        UInt128 v = 0;
        for (int i = 127; i >= 0; --i)
            v = (v << 1) | (bit(from + i) ? 1u : 0u);
        return v;
    }
    // this = this * 2 + addBit
    void shiftLeftOne()
    {
        std::uint32_t carry = 0;
        for (std::uint32_t &limb : m_limbs) {
            const std::uint32_t next = limb >> 31;
            limb = (limb << 1) | carry;
            carry = next;
        }
        if (carry != 0)
            m_limbs.push_back(carry);
    }
    bool lessThan(const BigNumber &other) const
    {
        if (m_limbs.size() != other.m_limbs.size())
            return m_limbs.size() < other.m_limbs.size();
        for (std::size_t i = m_limbs.size(); i-- > 0;)
            if (m_limbs[i] != other.m_limbs[i])
                return m_limbs[i] < other.m_limbs[i];
        return false;
    }
    void subtract(const BigNumber &other) // requires other <= this
    {
        std::int64_t borrow = 0;
        for (std::size_t i = 0; i < m_limbs.size(); ++i) {
            std::int64_t v = std::int64_t{m_limbs[i]} - borrow - (i < other.m_limbs.size() ? std::int64_t{other.m_limbs[i]} : 0);
            borrow = v < 0 ? 1 : 0;
            if (v < 0)
                v += std::int64_t{1} << 32;
            m_limbs[i] = static_cast<std::uint32_t>(v);
        }
        while (m_limbs.size() > 1 && m_limbs.back() == 0)
            m_limbs.pop_back();
    }
    // 2^exponent
    static BigNumber powerOfTwo(int exponent)
    {
        BigNumber n(0);
        n.m_limbs.assign(static_cast<std::size_t>(exponent / 32 + 1), 0);
        n.m_limbs.back() = 1u << (exponent % 32);
        return n;
    }

private:
    std::vector<std::uint32_t> m_limbs;
};

std::vector<PowerOfFive> buildTable()
{
    std::vector<PowerOfFive> table(static_cast<std::size_t>(kMaxExponent - kMinExponent + 1));
    BigNumber power(1); // 5^k
    for (int k = 0; k <= std::max(kMaxExponent, -kMinExponent); ++k) {
        if (k > 0)
            power.multiplyBy5();
        const int length = power.bitLength();
        if (k <= kMaxExponent) {
            PowerOfFive &p = table[static_cast<std::size_t>(k - kMinExponent)];
            const UInt128 m = length <= 128 ? power.bits128(0) << (128 - length) : power.bits128(length - 128);
            p.high = static_cast<std::uint64_t>(m >> 64);
            p.low = static_cast<std::uint64_t>(m);
            p.binaryExponent = length - 128;
            p.exact = length <= 128;
        }
        if (k >= 1 && -k >= kMinExponent) {
            // 5^-k = (2^(length+127) / 5^k) x 2^-(length+127); the quotient has exactly 128 bits.
            // The dividend's top `length` bits are 2^(length-1) < 5^k: start from there.
            BigNumber remainder = BigNumber::powerOfTwo(length - 1);
            UInt128 quotient = 0;
            for (int bit = 127; bit >= 0; --bit) {
                remainder.shiftLeftOne();
                quotient <<= 1;
                if (!remainder.lessThan(power)) {
                    remainder.subtract(power);
                    quotient |= 1u;
                }
            }
            PowerOfFive &p = table[static_cast<std::size_t>(-k - kMinExponent)];
            p.high = static_cast<std::uint64_t>(quotient >> 64);
            p.low = static_cast<std::uint64_t>(quotient);
            p.binaryExponent = -(length + 127);
            p.exact = false;
        }
    }
    return table;
}

const std::vector<PowerOfFive> &powersOfFive()
{
    static const std::vector<PowerOfFive> table = buildTable();
    return table;
}

// Rounds the 192-bit value (p2:p1:p0) x 2^exponent to a double (ties to even); false when the
// result is not a normal double. The value is at least 2^127. `nearBoundary` tells whether
// adding less than 2^64 to the value could round differently: only when the ten bits below
// the rounding bit (all at or above bit 64, as the value has 128 bits or more) are all zeros or
// all ones.
bool roundToDouble(std::uint64_t p2, std::uint64_t p1, std::uint64_t p0, int exponent, double &out, bool &nearBoundary)
{
    const int length = p2 != 0 ? 192 - std::countl_zero(p2) : 128 - std::countl_zero(p1);
    const int shift = length - 64; // 64..128: value = top x 2^shift + rest
    const int s = shift - 64;
    std::uint64_t top = 0;
    bool rest = p0 != 0;
    if (s == 0) {
        top = p1;
    } else if (s == 64) {
        top = p2;
        rest = rest || p1 != 0;
    } else {
        top = (p2 << (64 - s)) | (p1 >> s);
        rest = rest || (p1 << (64 - s)) != 0;
    }
    nearBoundary = (top & 0x3FFu) == 0 || (top & 0x3FFu) == 0x3FFu;
    std::uint64_t mantissa = top >> 11;
    const bool half = ((top >> 10) & 1u) != 0;
    const bool sticky = rest || (top & 0x3FFu) != 0;
    int binary = exponent + shift + 11;
    if (half && (sticky || (mantissa & 1u) != 0)) {
        ++mantissa;
        if (mantissa == (std::uint64_t{1} << 53)) {
            mantissa >>= 1;
            ++binary;
        }
    }
    const int biased = binary + 52 + 1023;
    if (biased <= 0 || biased >= 2047)
        return false;
    const std::uint64_t bits = (static_cast<std::uint64_t>(biased) << 52) | (mantissa & ((std::uint64_t{1} << 52) - 1));
    out = std::bit_cast<double>(bits);
    return true;
}

} // namespace

namespace detail {

bool decimalToDoubleWide(std::uint64_t significand, int exponent10, bool negative, double &value)
{
    // The header's inline part took significand <= 2^53 with |exponent10| <= 22.
    if (significand == 0) {
        value = negative ? -0.0 : 0.0;
        return true;
    }
    if (exponent10 < kMinExponent || exponent10 > kMaxExponent)
        return false;
    const PowerOfFive &p = powersOfFive()[static_cast<std::size_t>(exponent10 - kMinExponent)];
    // significand x 5^q, exactly, as p2:p1:p0; then x 2^(binaryExponent + q).
    const UInt128 low = static_cast<UInt128>(significand) * p.low;
    const UInt128 high = static_cast<UInt128>(significand) * p.high;
    const UInt128 middle = (low >> 64) + static_cast<std::uint64_t>(high);
    const auto p0 = static_cast<std::uint64_t>(low);
    const auto p1 = static_cast<std::uint64_t>(middle);
    const std::uint64_t p2 = static_cast<std::uint64_t>(high >> 64) + static_cast<std::uint64_t>(middle >> 64);
    const int exponent = p.binaryExponent + exponent10;
    double result = 0;
    bool nearBoundary = false;
    if (!roundToDouble(p2, p1, p0, exponent, result, nearBoundary))
        return false;
    if (!p.exact && nearBoundary) {
        // The true value lies in [P, P + significand): both ends must give the same double.
        const UInt128 sum0 = static_cast<UInt128>(p0) + significand;
        const UInt128 sum1 = static_cast<UInt128>(p1) + static_cast<std::uint64_t>(sum0 >> 64);
        const std::uint64_t q2 = p2 + static_cast<std::uint64_t>(sum1 >> 64);
        double upper = 0;
        if (!roundToDouble(q2, static_cast<std::uint64_t>(sum1), static_cast<std::uint64_t>(sum0), exponent, upper,
                           nearBoundary)
            || upper != result)
            return false;
    }
    value = negative ? -result : result;
    return true;
}

} // namespace detail

} // namespace sasquatch
