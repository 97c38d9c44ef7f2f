/** Column lists (projections) shared by services and loaders; aliases match the schema types. */

export const ENTERPRISE_COLUMNS = `e.id AS "dbId", e.uscc, e.name, e.address, e.city_code AS "cityCode", e.county,
  e.province_code AS "provinceCode", e.size, e.version`;

export const CERTIFIED_ITEM_COLUMNS = `ci.id AS "dbId", ci.round, 2022 + ci.round AS "roundYear", ci.enterprise_id AS "enterpriseId",
  ci.name, ci.kind, ci.trademark, ci.standard_no AS "standardNo", ci.standard_name AS "standardName",
  ci.standard_level AS "standardLevel", ci.industry_code AS "industryCode", ci.certified_on AS "certifiedOn",
  ci.certificate_no AS "certificateNo", ci.seq_no AS "seqNo", ci.version`;

export const REVOCATION_COLUMNS = `r.id AS "dbId", r.decision_no AS "decisionNo", r.decided_on AS "decidedOn", r.enterprise_id AS "enterpriseId",
  r.ground, r.ground_text AS "groundText", r.facts, r.version`;

export const WARNING_COLUMNS = `w.id AS "dbId", w.title, w.published_on AS "publishedOn", w.product_category AS "productCategory",
  w.risk, w.advice, w.version`;

export const BATCH_COLUMNS = `b.id AS "dbId", b.kind, b.title, b.status, b.is_sample AS "isSample", b.source_file_name AS "sourceFileName",
  b.imported_at AS "importedAt", b.published_at AS "publishedAt", b.row_count AS "rowCount", b.summary`;

export const CULTIVATION_COLUMNS = `c.id AS "dbId", c.year, c.enterprise_id AS "enterpriseId", c.item_name AS "itemName",
  c.item_kind AS "itemKind", c.standard, c.industry_code AS "industryCode", c.contact_name AS "contactName",
  c.contact_phone AS "contactPhone"`;

export const EVALUATION_COLUMNS = `s.id AS "dbId", s.year, s.enterprise_id AS "enterpriseId", s.item_name AS "itemName",
  s.standard_no AS "standardNo", s.standard_name AS "standardName", s.standard_level AS "standardLevel", s.passed,
  s.evaluated_on AS "evaluatedOn"`;
