/* test_parse.c — unit tests of the cell parsers (engine/input/parse.c):
 * numbers with point or comma, integers, booleans, dates, days, parts and
 * availability slots, each with its exact error text.
 */
#include "../../engine/core/model.h"
#include "../../engine/input/parse.h"
#include "check.h"

static void test_numbers(void)
{
    double v = -1;
    char why[200];
    CHECK(parse_number("0.5", &v, why, sizeof why) == 0 && v == 0.5);
    CHECK(parse_number("0,5", &v, why, sizeof why) == 0 && v == 0.5);
    CHECK(parse_number("-12,25", &v, why, sizeof why) == 0 && v == -12.25);
    CHECK(parse_number("36", &v, why, sizeof why) == 0 && v == 36);
    CHECK(parse_number("0.1", &v, why, sizeof why) == 0 && v == 0.1);
    CHECK(parse_number("-0", &v, why, sizeof why) == 0 && v == 0 && !signbit(v));
    CHECK(parse_number(",5", &v, why, sizeof why) == 0 && v == 0.5);
    CHECK(parse_number("1.000,5", &v, why, sizeof why) == -1);
    CHECK_STR(why, "ambiguous number '1.000,5': both a decimal point and a comma");
    CHECK(parse_number("1.000.000", &v, why, sizeof why) == -1);
    CHECK_STR(why, "expected a number, got '1.000.000'");
    CHECK(parse_number("1e3", &v, why, sizeof why) == -1);
    CHECK(parse_number("", &v, why, sizeof why) == -1);
    CHECK(parse_number("-", &v, why, sizeof why) == -1);
    CHECK(parse_number("12 uur", &v, why, sizeof why) == -1);
    CHECK_STR(why, "expected a number, got '12 uur'");
}

static void test_ints_bools(void)
{
    int v = -1;
    char why[200];
    CHECK(parse_int("42", &v, why, sizeof why) == 0 && v == 42);
    CHECK(parse_int("-3", &v, why, sizeof why) == 0 && v == -3);
    CHECK(parse_int("4.0", &v, why, sizeof why) == -1);
    CHECK(parse_int("", &v, why, sizeof why) == -1);
    CHECK(parse_int("99999999999", &v, why, sizeof why) == -1);
    const char *yes[] = {"1", "ja", "JA", "true", "Waar", "yes"};
    const char *no[] = {"0", "nee", "False", "ONWAAR", "no"};
    for (int i = 0; i < 6; i++)
        CHECK(parse_bool(yes[i], &v, why, sizeof why) == 0 && v == 1);
    for (int i = 0; i < 5; i++)
        CHECK(parse_bool(no[i], &v, why, sizeof why) == 0 && v == 0);
    CHECK(parse_bool("2", &v, why, sizeof why) == -1);
    CHECK_STR(why, "expected 0 or 1 (or ja/nee), got '2'");
}

static void test_dates(void)
{
    int32_t d;
    char why[200];
    int y, m, dd;
    CHECK(parse_date("1970-01-01", &d, why, sizeof why) == 0 && d == 0);
    CHECK(parse_date("2026-11-22", &d, why, sizeof why) == 0);
    int32_t iso = d;
    CHECK(parse_date("22-11-2026", &d, why, sizeof why) == 0 && d == iso);
    CHECK(parse_date("22/11/2026", &d, why, sizeof why) == 0 && d == iso);
    mw_civil_from_days(iso, &y, &m, &dd);
    CHECK(y == 2026 && m == 11 && dd == 22);
    CHECK(parse_date("2024-02-29", &d, why, sizeof why) == 0);
    CHECK(parse_date("2023-02-29", &d, why, sizeof why) == -1);
    CHECK_STR(why, "expected a valid date, got '2023-02-29'");
    CHECK(parse_date("2026-13-01", &d, why, sizeof why) == -1);
    CHECK(parse_date("11-22-2026", &d, why, sizeof why) == -1);
    CHECK(parse_date("26-11-22", &d, why, sizeof why) == -1);
    CHECK_STR(why, "expected a date (YYYY-MM-DD or DD-MM-YYYY), got '26-11-22'");
    CHECK(parse_date("2026-11-22x", &d, why, sizeof why) == -1);
    /* round trip over a range of days */
    int bad = 0;
    for (int32_t z = -1000; z < 40000; z += 7) {
        mw_civil_from_days(z, &y, &m, &dd);
        bad += mw_days_from_civil(y, m, dd) != z;
    }
    CHECK(bad == 0);
}

static void test_slots(void)
{
    uint8_t days = 0, parts = 0;
    uint32_t slots = 0;
    char why[200];
    CHECK(parse_days("ma|wo|vr", &days, why, sizeof why) == 0 && days == 0x15);
    CHECK(parse_days("ma-vr", &days, why, sizeof why) == 0 && days == 0x1F);
    CHECK(parse_days("za | zo", &days, why, sizeof why) == 0 && days == 0x60);
    CHECK(parse_days("vr-ma", &days, why, sizeof why) == -1);
    CHECK(parse_days("maandag", &days, why, sizeof why) == -1);
    CHECK_STR(why, "expected days such as 'ma|wo|vr' or 'ma-vr', got 'maandag'");
    CHECK(parse_parts("ochtend|avond", &parts, why, sizeof why) == 0 && parts == 0x5);
    CHECK(parse_parts("Nacht", &parts, why, sizeof why) == 0 && parts == 0x8);
    CHECK(parse_parts("ochtend|lunch", &parts, why, sizeof why) == -1);
    CHECK(parse_slots("ma-vr:ochtend+middag|za:ochtend", &slots, why, sizeof why) == 0);
    uint32_t want = 0;
    for (int d = 0; d < 5; d++)
        want |= MW_SLOT(d, 0) | MW_SLOT(d, 1);
    want |= MW_SLOT(5, 0);
    CHECK(slots == want);
    CHECK(parse_slots("ma+wo", &slots, why, sizeof why) == 0 &&
          slots == (MW_SLOT(0, 0) | MW_SLOT(0, 1) | MW_SLOT(2, 0) | MW_SLOT(2, 1)));
    CHECK(parse_slots("di:avond", &slots, why, sizeof why) == 0 && slots == MW_SLOT(1, 2));
    CHECK(parse_slots("ma-vr:", &slots, why, sizeof why) == -1);
    CHECK(parse_slots("ma-vr:ochtnd", &slots, why, sizeof why) == -1);
    CHECK_STR(why, "expected slots such as 'ma-vr:ochtend+middag|za:ochtend', got 'ma-vr:ochtnd'");
}

static void test_enum(void)
{
    static const char *const names[] = {"walk", "bike", "pt", "car"};
    int v = -1;
    char why[200];
    CHECK(parse_enum("pt", names, 4, &v, why, sizeof why) == 0 && v == 2);
    CHECK(parse_enum("fiets", names, 4, &v, why, sizeof why) == -1);
    CHECK_STR(why, "expected walk, bike, pt or car, got 'fiets'");
}

static void test_fmt(void)
{
    char b[64];
    mw_fmt_double(b, sizeof b, 0.1);
    CHECK_STR(b, "0.1");
    mw_fmt_double(b, sizeof b, -0.0);
    CHECK_STR(b, "0");
    mw_fmt_double(b, sizeof b, 36);
    CHECK_STR(b, "36");
    mw_fmt_double(b, sizeof b, 1.0 / 3);
    CHECK_STR(b, "0.3333333333333333");
    mw_fmt_double(b, sizeof b, 12.345);
    CHECK_STR(b, "12.345");
}

int main(void)
{
    test_numbers();
    test_ints_bools();
    test_dates();
    test_slots();
    test_enum();
    test_fmt();
    return check_report("test_parse");
}
