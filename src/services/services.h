/* services.h — enterprise services (企业服务) after cargo: the customs–enterprise liaison
 * platform (关企联络平台) with its coordinators (百人千企), its "three firsts" (三个第一: known,
 * studied, solved) as timestamps with SLA clocks in working hours, visits and campaigns, and
 * the statistics that make "485 problems, all solved" a query. The pure decisions are here
 * (services.c: working-hour clocks, the problem's stages, attachment types, percentiles); SQL
 * is in *_store.c and HTTP in services_api.c. Not here: the enterprise registry and its
 * coordinators (enterprise.h owns them; this area reads them through that header), the
 * declarations, bills and tax bills a problem links (cargo's views, tax's header).
 *
 * Ownership: every json_t handed back through an out-parameter belongs to the caller; record
 * types are static. */
#ifndef HG_SERVICES_H
#define HG_SERVICES_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "../platform/calendar.h"
#include "../platform/ctx.h"
#include "../platform/db.h"
#include "../platform/rc.h"
#include "../platform/record.h"

/* ---- working hours (the platform calendar's working days, 08:30-17:30 local) ---- */

#define SERVICES_DAY_OPEN_MIN (8 * 60 + 30)   /* 08:30 Asia/Shanghai */
#define SERVICES_DAY_CLOSE_MIN (17 * 60 + 30) /* 17:30 */

/* The moment `minutes` working minutes after from_ms: the clock runs only from 08:30 to 17:30
 * of working days of c (a problem raised at night starts its clock at the next opening). */
int64_t services_working_add(const working_calendar *c, int64_t from_ms, int64_t minutes);
/* Working minutes between from_ms and to_ms (0 when to is not after from). */
int64_t services_working_minutes(const working_calendar *c, int64_t from_ms, int64_t to_ms);

/* ---- the liaison problem ---- */

/* Urgencies and their SLA: working minutes from raising to each first. */
enum { LIAISON_URGENT, LIAISON_HIGH, LIAISON_NORMAL, LIAISON_URGENCIES };
typedef struct liaison_sla {
    int64_t known_min, studied_min, solved_min;
} liaison_sla;
/* The SLA of each urgency (defaults: urgent 30/120/480, high 60/240/960, normal
 * 120/480/2400 working minutes), read by services_config_load from
 * HAIGUAN_LIAISON_SLA_URGENT, _HIGH, _NORMAL ("known,studied,solved" minutes). */
extern liaison_sla liaison_slas[LIAISON_URGENCIES];
void services_config_load(void);
/* Parses "known,studied,solved" (positive minutes, non-decreasing): 0 on success, -1 else. */
int liaison_sla_parse(const char *s, liaison_sla *out);
/* The index of an urgency name ("urgent", "high", "normal"), or -1. */
int liaison_urgency_index(const char *name);

/* States: raised → known (an officer opened it) → studied (a substantive reply or plan citing
 * a policy) → resolved (an officer's resolution, waiting for the enterprise) → solved (the
 * enterprise confirmed it); a reopen with a reason takes a resolved or solved problem back
 * to studied. */
#define LIAISON_RAISED "raised"
#define LIAISON_KNOWN "known"
#define LIAISON_STUDIED "studied"
#define LIAISON_RESOLVED "resolved"
#define LIAISON_SOLVED "solved"

/* What is done to a problem (services_api.c, problem_store.c). */
typedef enum liaison_action {
    LIAISON_OPEN,    /* an officer opens it: known, the first time */
    LIAISON_REPLY,   /* an officer's reply visible to the enterprise */
    LIAISON_NOTE,    /* an officer's internal note */
    LIAISON_MESSAGE, /* the enterprise's message */
    LIAISON_RESOLVE, /* an officer's resolution */
    LIAISON_CONFIRM, /* the enterprise confirms the resolution */
    LIAISON_REOPEN,  /* the enterprise reopens, with a reason */
    LIAISON_ASSIGN,  /* an officer reassigns, with a reason */
} liaison_action;

/* The state after action on a problem in state `status`, into *next (a static string, the
 * same one when the state does not change). policy: 1 when the reply or plan cites a policy
 * (a reply citing none does not make the problem studied). HG_CONFLICT naming "status" and
 * the rule when the action is not possible in that state. */
hg_rc liaison_next(const char *status, liaison_action action, int policy, const char **next, hg_err *err);

/* The problem's categories: the seed's (processing-trade accounts, epidemic supplies
 * clearance, unloading at port, tax payment, inspection certificates) and "other". */
extern const char *const liaison_categories[];
extern const char *const liaison_link_kinds[];

/* Extension point LIAISON_LINK_KINDS: a kind of document that a later area owns and a problem
 * may link (the certificate area's certificates). *own is 1 when ref is one of enterprise's
 * (the enterprise's USCC); another's and an unknown one both give 0, so that a link does not
 * confirm that another enterprise's document exists. An error is a fault. A kind of
 * liaison_link_kinds that no area registers is refused like another's document. */
#define LIAISON_LINK_KINDS "services.liaison_link"
typedef struct liaison_link_kind {
    const char *kind; /* one of liaison_link_kinds: "certificate" */
    hg_rc (*own)(db *d, const char *enterprise, const char *ref, int *own, hg_err *err);
} liaison_link_kind;

/* Attachments: at most LIAISON_ATTACHMENTS_MAX of at most LIAISON_ATTACHMENT_MAX bytes each,
 * of the types a scanner or a phone gives (PDF, PNG, JPEG), told by their first bytes. */
#define LIAISON_ATTACHMENTS_MAX 3
#define LIAISON_ATTACHMENT_MAX (256 * 1024)
/* 1 when the bytes begin as the declared type ("application/pdf", "image/png",
 * "image/jpeg") does, 0 otherwise (and for any other type). */
int liaison_attachment_type_ok(const char *content_type, const unsigned char *p, size_t n);

/* The value at percentile pct (1..100, nearest rank) of v[0..n) sorted in place; 0 when n is 0. */
int64_t services_percentile(int64_t *v, size_t n, int pct);

/* ---- smart declaration navigation (智慧申报导航) ---- */

/* The HS 2022 structure (hs_sections.c, hs_headings_s*.c, hs_lines.c: data written by the team). */
typedef struct hs_section {
    const char *roman; /* "I" .. "XXI" */
    int first, last;   /* its chapters */
    const char *zh, *en;
} hs_section;
typedef struct hs_chapter {
    int no; /* 1..97 */
    const char *zh, *en;
} hs_chapter;
typedef struct hs_heading {
    const char *code; /* 4 digits */
    const char *zh, *en;
} hs_heading;
/* A 10-digit line of the tariff (8 tariff digits + 2 supervision digits). */
typedef struct hs_line {
    const char *code, *zh, *en;
    const char *unit1, *unit2; /* legal units (法定计量单位): first, second or NULL */
    const char *supervision;   /* supervision conditions (监管条件), codes as "AB", "" for none */
    const char *inspection;    /* inspection-quarantine category (检验检疫类别): "P.R/Q.S", "" */
    const char *elements;      /* the line's own declaration elements, '|' between them */
    int64_t ref_price_fen;     /* the district's reference unit price, CNY fen per unit1; 0: none */
} hs_line;
/* A supervision condition or inspection category code with its name. */
typedef struct hs_code_name {
    char code;
    const char *zh, *en;
    char direction; /* 'I' import, 'E' export, 0 both */
    int document;   /* 1: a licence or certificate the declarant must hold */
} hs_code_name;
extern const hs_section hs_sections[];                                   /* terminated by roman NULL */
extern const hs_chapter hs_chapters[];                                   /* 1..97 in order, terminated by no 0 */
extern const hs_line hs_lines[];                                         /* in code order, terminated by code NULL */
extern const hs_code_name hs_supervision_codes[], hs_inspection_codes[]; /* terminated by code 0 */
/* Every heading of the HS 2022 (1,228), one part a section or half of one (hs_headings.c lists
 * them): the parts in code order, terminated by NULL, each terminated by code NULL. */
extern const hs_heading *const hs_heading_parts[];

/* The lookups: NULL when absent. code: "03", "0303", "0303630000". */
const hs_line *hs_line_find(const char *code);
const hs_heading *hs_heading_find(const char *code);
/* The index-th heading over all parts in code order (0 the first); NULL past the last. */
const hs_heading *hs_heading_at(int index);
const hs_chapter *hs_chapter_find(int no);
const hs_section *hs_section_of(int chapter);
const hs_code_name *hs_supervision_find(char code);

/* A search hit: a node of the nomenclature and its score (higher first). */
typedef enum hs_level { HS_SECTION, HS_CHAPTER, HS_HEADING, HS_LINE } hs_level;
typedef struct hs_hit {
    hs_level level;
    int index; /* into the level's table (headings: hs_heading_at) */
    int score;
} hs_hit;
/* Ranked search of q (Chinese or English words, or a code prefix of digits) over sections,
 * chapters, headings and lines: the best max hits into hits, their number returned. A whole
 * match of the query in a name ranks above one that has its characters or words scattered;
 * shorter names and deeper levels first among equals. */
size_t hs_search(const char *q, hs_hit *hits, size_t max);

/* The declaration elements (申报要素) of a line, in order: brand type (品牌类型, coded 0-4) and
 * export preference (出口享惠情况, coded 0-3) first, the line's own between, GTIN, CAS and
 * other (其他) last; those three may be empty. */
#define HS_ELEMENTS_MAX 16
typedef struct hs_element {
    char name[96];
    int mandatory;
    const char *codes; /* the admitted codes ("01234"), or NULL for free text */
} hs_element;
/* Fills els (at least HS_ELEMENTS_MAX) and returns their number. */
size_t hs_line_elements(const hs_line *l, hs_element *els);

/* One finding of a pre-check: the field, the rule, and a message for the declarant. */
typedef struct nav_finding {
    char field[64];
    char rule[32];
    char severity[8];     /* "error": the filing would be refused; "warning": look again */
    char message[256];    /* in English */
    char message_zh[384]; /* the catalogue's Chinese (po/zh_CN.po), with the same values */
} nav_finding;
/* Checks an element string against a line's elements: every position present ('|' between
 * them), every mandatory one filled, coded ones within their sets. Appends findings naming
 * field (items[i].elements) to f (room for max), returns how many it appended. */
size_t hs_elements_check(const hs_line *l, const char *s, const char *field, nav_finding *f, size_t max);

/* An advance ruling (预裁定) is valid three years from its issue (海关预裁定管理暂行办法). */
#define NAV_RULING_YEARS 3

/* ---- AEO facilitation, measured (aeo.c) ---- */

/* One credit level's month: declarations screened, selected at random, sent to inspection by a
 * rule; the rates in ppm of its declarations and, against general credit's, in ppm of that. */
typedef struct aeo_level_month {
    int64_t screened, random, rule;
    int64_t random_ppm, rule_ppm, total_ppm;
    int64_t of_general_ppm; /* total rate as a share of general credit's; -1 when not comparable */
    int64_t bound_ppm;      /* the policy's bound: a share of general credit's, or for dishonest an
                              * absolute floor; 0 for general credit */
    int below;              /* 1: the policy is a floor (dishonest) */
    int drift;              /* 1: enough declarations and the bound is broken */
} aeo_level_month;
/* Fewer screenings of a level (or of general credit) than this in a month prove nothing. */
#define AEO_MIN_SAMPLE 30
/* Fills m from the counts of one level and general credit's: advanced certified at most
 * share_ppm of general credit's inspection rate (20%), general certified at most 50%, dishonest
 * at least floor_ppm of its declarations (80%): DESIGN §5, 海关认证企业标准 and the credit
 * measures. level: 0 advanced, 1 general certified, 2 general credit, 3 dishonest. */
void aeo_measure(int level, int64_t screened, int64_t random, int64_t rule, int64_t gc_screened, int64_t gc_inspected,
                 int64_t bound_ppm, aeo_level_month *m);

/* The post-clearance audit rate (稽查) of a credit level, in ppm of enterprises, from general
 * credit's base_ppm: advanced certified 20% of it, general certified 50%, general credit the
 * base, dishonest every one (海关注册登记和备案企业信用管理办法: fewer audits of certified
 * enterprises, more of dishonest ones; the shares are the inspection policy's, a choice written
 * in docs/services.md). level: 0 advanced, 1 general certified, 2 general credit, 3 dishonest. */
uint32_t aeo_audit_rate(int level, uint32_t base_ppm);

/* ---- records (services_record.c) ---- */
extern const record_type liaison_problem_record;
extern const record_type liaison_link_record;
extern const record_type liaison_attachment_record;
extern const record_type liaison_message_record;
extern const record_type liaison_assignment_record;
extern const record_type liaison_removal_record;
extern const record_type liaison_reason_record;
extern const record_type liaison_visit_record;
extern const record_type nav_draft_record, nav_draft_item_record, nav_draft_licence_record;
/* Derives the draft item's fields from cargo's declaration item (services_record.c); called
 * once at start-up by the module's init, before nav_draft_record is read. */
void nav_draft_init(void);
extern const record_type nav_ruling_record;

#endif
