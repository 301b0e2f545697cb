/* filing_rows.h — the texts the server stores for bench/ingest's declaration, so that the
 * storage ceilings (ceiling.c, ceiling_pg.c) write rows as long as the server's: the risk
 * screening's result, and the declaration's after state in its audit row. Taken from a
 * filing of the benchmark's body. */
#ifndef HAIGUAN_BENCH_FILING_ROWS_H
#define HAIGUAN_BENCH_FILING_ROWS_H

/* The risk screening's result (risk_screenings.result) */
#define SCREENING                                                                                               \
    "{\"hits\":[],\"inspection\":\"none\",\"lane\":\"green\",\"random_selection\":{\"rate_ppm\":10000,"         \
    "\"reason\":\"not selected by random inspection at 1.00% for advanced_certified (import general-credit base "  \
    "rate 5.00%)\",\"selected\":false},\"sampling\":[]}"
/* One of the three items, and the declaration's after state (audit_log.after_json), a printf
 * format: bill number (long), entry number (string) */
#define ITEM                                                                                                    \
    "{\"currency\":\"CNY\",\"elements\":null,\"frozen\":null,\"gross_weight_kg\":100,\"hs_code\":\"8483409000\","  \
    "\"name\":\"齿轮箱\",\"net_weight_kg\":90,\"origin\":\"DE\",\"producer\":null,\"quantity\":10,\"unit\":\"台\","   \
    "\"value\":\"10000.00\",\"vins\":null}"
#define AFTER                                                                                                   \
    "{\"advance\":true,\"arrival_direct_loading\":null,\"bill_no\":\"BENCH%06ld\",\"completed_at\":null,"           \
    "\"consignee\":\"91210200241600015L\",\"consignor\":null,\"declarant\":\"91210200241600015L\","              \
    "\"direction\":\"import\",\"entry_no\":\"%s\",\"filed_at\":\"2026-11-29T13:02:58.126Z\","                   \
    "\"gate_out_at\":null,\"green_channel\":null,\"items\":[" ITEM "," ITEM "," ITEM "],\"kind\":\"complete\","      \
    "\"lane\":\"green\",\"permitted_at\":null,\"port\":\"0901\",\"release_first\":null,\"released_at\":null,"     \
    "\"ship_side_pickup\":null,\"status\":\"filed\",\"trade_country\":\"DE\",\"transport_mode\":\"sea\","         \
    "\"updated_at\":\"2026-11-29T13:02:58.126Z\"}"

/* The hashes and request id of an audit row: their lengths are what matters */
#define REQUEST_ID "15d936a3e1dd105d"
#define PREV_HASH "61f8b2ff7e86a113fab6f1187e617cb3cc39900fa15b1d1637141bbc46c03249"
#define HASH "5bbcc839bdea1526e21c3f67bd0121e22e75116fbf2c557495c29c5fbc2734fa"

#endif
