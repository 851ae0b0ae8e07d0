"""The patterns and ids the case schema publishes and the checker reads without pydantic:
the schemas' ids, Vietnamese document numbers, rule ids and JSON pointers. The models
(checker.model.common) use them in their fields; checker.schemas, checker.recognise and
the editor support read them here, so that `checker check` need not import the models.
"""

from __future__ import annotations

# The published schemas' ids: https, so that an editor or a validator can fetch them, under
# the project's own site (checker.schemagen.BASE); case files of earlier versions name the
# case schema "urn:checker:schema:case", which checker.recognise still knows.
SCHEMA_BASE = "https://vn-personnel-checker.github.io/schemas/"
SCHEMA_ID = f"{SCHEMA_BASE}case.schema.json"

# Vietnamese document numbers (số, ký hiệu văn bản). Two official forms:
#
#   state   number[/year]/symbol   123/QĐ-BTC, 12/TTr-TCCB, 170/2025/NĐ-CP, 05/2024/TT-BNV,
#                                  80/2025/QH15, 18/2020/QĐ-TTg, 3866/BVHTTDL-TCCB, 215/NSNN
#   Party   number-type/symbol     97-QĐ/TW, 45-HD/BTCTW, 92-BC/TU, 512-CV/ĐU, 21-KL/TW
#
# NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II, khoản 3 (số, ký hiệu của văn bản): the
# number is in Arabic digits (below 10 with a leading 0); "/" separates number and symbol,
# "-" the groups of the symbol; the symbol is the type abbreviation and the issuer's, and
# for a công văn, which has no type, the issuer's and the drafting unit's or field's
# ("Số: .../viết tắt tên cơ quan-viết tắt tên đơn vị soạn thảo", so 3866/BVHTTDL-TCCB; the
# unit only "nếu có", so also a single group, 215/NSNN). Legal normative documents add the
# year (170/2025/NĐ-CP), and the National Assembly's laws and resolutions have no type code
# (80/2025/QH15); joint documents list every issuer (15/NQLT-CP-TANDTC-VKSNDTC).
# The text says "chữ in hoa", but its own table of type abbreviations (Phụ lục III) has
# TTr, CTr, QyĐ, TrS, and real issuers write TTg, TTr: a group starts with a capital and
# may go on in either case; no official abbreviation is all lowercase, so 123/qd-btc is
# refused. The one-letter suffix of an inserted number (12a/QĐ-BTC) is in no official
# form, but some registers use it and earlier versions accepted it, so it stays.
#   https://congchungbaonguyet.com.vn/news/view/4874  (quotes Phụ lục I, khoản 3)
#   https://kynangandlifeskills.com/chu-viet-tat-ten-loai-mau-trinh-bay-van-ban-hanh-chinh-va-ban-sao-van-ban/
#   https://123docz.net/trich-doan/2329026-bang-chu-viet-tat-ten-loai-van-ban-va-ban-sao.htm
#   http://ccvtlt.sonoivu.hochiminhcity.gov.vn/public/detailqa/chi-cuc-van-thu-luu-tru-cho-hoi-quy-dinh-ve-ky-hieu-van-ban-cua-ban-chi-dao-cua-co-quan-xin-cam-on-72.html
# Party documents (Hướng dẫn 36-HD/VPTW, 03/4/2018, mục II, 1.3) put "-" between number
# and type and "/" before the issuer; a Party công văn does have a type, CV (512-CV/ĐU).
#   https://thuvienphapluat.vn/hoi-dap-phap-luat/iframe/40E5A-hd-cach-trinh-bay-so-va-ky-hieu-van-ban-trong-van-ban-cua-dang.html
# ECMA-262 syntax only: it is published in the JSON Schema and run by jsonschema-rs.
_SEQ = r"[0-9]{1,6}[a-z]?"
_YEAR = r"[0-9]{4}"
_ABBR = r"[A-ZĐƯƠÂĂÊÔ][A-Za-zĐđƯƠÂĂÊÔ0-9]{0,11}"
_SYMBOL = rf"{_ABBR}(?:-{_ABBR})*"
_STATE = rf"{_SEQ}(?:/{_YEAR})?/{_SYMBOL}"
_PARTY = rf"{_SEQ}-{_ABBR}/{_SYMBOL}"
DOC_NUMBER_PATTERN = rf"^(?:{_STATE}|{_PARTY})$"
# A rule id as in the rule packs (APPT-QUORUM), but also the tool's own one-word ids
# (COVERAGE), so that a waiver naming one is told why it cannot be waived rather than
# only that its id is malformed.
RULE_ID_PATTERN = r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$"
JSON_POINTER_PATTERN = r"^(?:/(?:[^~/]|~[01])*)*$"
