"""The tool's own messages (not the rules'), each a whole sentence in Vietnamese and English.

Rule messages live in the rule packs; these are for input problems, coverage notices and
the report's frame. Placeholders are named; a sentence is never assembled from fragments.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

Lang = Literal["vi", "en"]

MESSAGES: dict[str, dict[Lang, str]] = {
    # --- reading and parsing -------------------------------------------------------------
    "read-error": {
        "vi": "Không đọc được tệp: {reason}.",
        "en": "The file cannot be read: {reason}.",
    },
    "not-found": {
        "vi": "Không tìm thấy tệp hoặc thư mục này.",
        "en": "No such file or directory.",
    },
    "is-directory": {
        "vi": "Đây là một thư mục, không phải tệp hồ sơ.",
        "en": "This is a directory, not a case file.",
    },
    "not-regular": {
        "vi": "Đây không phải tệp thông thường (có thể là pipe, socket hoặc thiết bị) nên "
        "không được đọc.",
        "en": "This is not a regular file (perhaps a pipe, socket or device), so it is not read.",
    },
    "too-large": {
        "vi": "Tệp có {size} byte, vượt giới hạn {limit} byte; một hồ sơ thật chỉ vài chục KB. "
        "Dùng --max-size nếu đúng là cần kiểm tra tệp lớn như vậy.",
        "en": "The file has {size} bytes, over the {limit}-byte limit; a real case is tens of "
        "KB. Use --max-size if such a large file really must be checked.",
    },
    "stdin-closed": {
        "vi": "Không đọc được đầu vào chuẩn (stdin đã đóng).",
        "en": "Standard input cannot be read (it is closed).",
    },
    "not-utf8-legacy": {
        "vi": "Tệp có vẻ được mã hóa bằng bảng mã {encoding}, không phải Unicode UTF-8; hãy "
        "chuyển mã sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi lưu lại với mã "
        "UTF-8.",
        "en": "The file appears to be in the legacy Vietnamese encoding {encoding}, not "
        "UTF-8; convert it to Unicode (for example with Unikey's converter) and save it as "
        "UTF-8.",
    },
    "not-utf8-named": {
        "vi": "Tệp được mã hóa bằng {encoding}, không phải UTF-8; hãy lưu lại tệp với mã UTF-8.",
        "en": "The file is encoded in {encoding}, not UTF-8; save it again as UTF-8.",
    },
    "not-utf8": {
        "vi": "Tệp không phải văn bản UTF-8 hợp lệ (byte lỗi ở vị trí {offset}); "
        "hãy lưu lại tệp với mã UTF-8.",
        "en": "The file is not valid UTF-8 text (bad byte at offset {offset}); "
        "save it again as UTF-8.",
    },
    "empty": {
        "vi": "Tệp rỗng; cần một đối tượng JSON mô tả hồ sơ.",
        "en": "The file is empty; a JSON object describing the case is expected.",
    },
    "bad-json": {
        "vi": "JSON không hợp lệ: {reason}.",
        "en": "Invalid JSON: {reason}.",
    },
    "duplicate-key": {
        "vi": "Khóa \"{name}\" xuất hiện hai lần trong cùng một đối tượng; "
        "hãy giữ lại một giá trị duy nhất.",
        "en": "The key \"{name}\" appears twice in the same object; keep a single value.",
    },
    "bad-constant": {
        "vi": "Giá trị {name} không phải là số JSON hợp lệ.",
        "en": "{name} is not a valid JSON number.",
    },
    "number-too-long": {
        "vi": "Số này dài hơn {limit} chữ số, không phải một giá trị hợp lệ trong hồ sơ.",
        "en": "This number has more than {limit} digits, which is not a valid value in a case.",
    },
    "surrogate": {
        "vi": "Chuỗi này chứa mã thoát Unicode không hợp lệ (nửa cặp thay thế, ví dụ \\ud800) "
        "nên không phải là văn bản; hãy nhập lại giá trị này.",
        "en": "This string contains an invalid Unicode escape (a lone surrogate such as "
        "\\ud800), so it is not text; enter the value again.",
    },
    "surrogate-key": {
        "vi": "Tên trường này chứa mã thoát Unicode không hợp lệ (nửa cặp thay thế, ví dụ "
        "\\ud800) nên không phải là văn bản; hãy sửa lại tên trường.",
        "en": "This field name contains an invalid Unicode escape (a lone surrogate such as "
        "\\ud800), so it is not text; correct the field name.",
    },
    "number-overflow": {
        "vi": "Số {value} vượt quá khoảng giá trị có thể biểu diễn.",
        "en": "The number {value} is beyond the range that can be represented.",
    },
    "truncated-utf8": {
        "vi": "Tệp kết thúc giữa chừng một ký tự UTF-8: có vẻ tệp đã bị cắt ngắn (ví dụ khi "
        "gửi qua thư điện tử); hãy lấy lại bản đầy đủ.",
        "en": "The file ends in the middle of a UTF-8 character: it seems to have been cut "
        "short (for example by e-mail); get the complete copy again.",
    },
    "binary": {
        "vi": "Đây không phải tệp văn bản JSON (có byte NUL; có thể là tệp Word, PDF, ZIP "
        "hoặc ảnh bị đổi tên); hãy xuất hồ sơ ra JSON với mã UTF-8.",
        "en": "This is not a JSON text file (it has NUL bytes; perhaps a Word, PDF, ZIP or "
        "image file renamed); export the case as UTF-8 JSON.",
    },
    "model": {
        "vi": "Giá trị ở đây không hợp lệ theo mô hình hồ sơ ({detail}).",
        "en": "The value here is not valid for the case model ({detail}).",
    },
    "too-deep": {
        "vi": "Tệp lồng nhau quá sâu để đọc được.",
        "en": "The file is nested too deeply to be read.",
    },
    # --- the case against itself (checker.consistency) ------------------------------------
    "born-after-act": {
        "vi": "Ngày sinh {born} muộn hơn ngày {date} ghi tại {where}, và {dates} trong "
        "hồ sơ có trước ngày sinh; người chưa sinh không thể có mặt trong một việc của "
        "hồ sơ, nên hãy kiểm tra lại ngày sinh hoặc các ngày đó.",
        "en": "The date of birth {born} is later than {date} at {where}, and the case has "
        "{dates} before it; no one takes part in a procedure before being born, so check "
        "the date of birth or those dates.",
    },
    "decision-before": {
        "vi": "Quyết định ghi ngày {decided}, trước {what} ngày {date} ({where}); quyết định "
        "là kết quả cuối cùng của quy trình nên không thể có trước việc đó. Hãy kiểm tra lại "
        "hai ngày này.",
        "en": "The decision is dated {decided}, before {what} of {date} ({where}); the "
        "decision ends the procedure, so it cannot come before that. Check these two dates.",
    },
    "what-policy": {
        "vi": "văn bản đồng ý chủ trương",
        "en": "the approval of the policy",
    },
    "what-conclusion": {
        "vi": "văn bản kết luận tiêu chuẩn chính trị",
        "en": "the conclusion on political standards",
    },
    "decision-before-steps": {
        "vi": "Quyết định ghi ngày {decided}, trước {steps} của quy trình, bước muộn "
        "nhất ngày {date} ({where}); quyết định là kết quả cuối cùng của quy trình nên không "
        "thể có trước các bước. Hãy kiểm tra lại các ngày này.",
        "en": "The decision is dated {decided}, before {steps} of the procedure, the "
        "latest on {date} ({where}); the decision ends the procedure, so it cannot come "
        "before its steps. Check these dates.",
    },
    "dossier-after-decision": {
        "vi": "Hồ sơ ghi nộp ngày {filed}, sau ngày quyết định {decided}; hồ sơ là căn cứ để "
        "quyết định nên phải có trước quyết định. Hãy kiểm tra lại hai ngày này.",
        "en": "The dossier is recorded as filed on {filed}, after the decision of {decided}; "
        "the decision rests on the dossier, so it must come first. Check these two dates.",
    },
    "present-over-summoned": {
        "vi": "Cuộc họp ngày {date} ghi {present} người có mặt, nhiều hơn {summoned} người "
        "được triệu tập; số có mặt chỉ tính người được triệu tập nên không thể lớn hơn. Hãy "
        "kiểm tra lại hai con số này.",
        "en": "The meeting of {date} records {present} present, more than the {summoned} "
        "summoned; only those summoned count as present, so it cannot be more. Check these "
        "two numbers.",
    },
    "present-over-members": {
        "vi": "Cuộc họp ban cán sự đảng ngày {date} ghi {present} ủy viên dự họp, nhiều hơn "
        "tổng số {total} ủy viên. Hãy kiểm tra lại hai con số này.",
        "en": "The ban cán sự đảng meeting of {date} records {present} members present, more "
        "than its {total} members. Check these two numbers.",
    },
    # --- coverage -------------------------------------------------------------------------
    "not-covered": {
        "vi": "Chưa có quy định nào của tầng {layer} được mã hóa cho thủ tục {procedure} vào "
        "ngày {date}; hồ sơ này chưa được kiểm tra ở tầng đó.",
        "en": "No {layer}-layer rules are encoded for the {procedure} procedure on {date}; "
        "this case has not been checked at that layer.",
    },
    "not-covered-supplements": {
        "vi": "Chưa có quy định chính nào của tầng {layer} được mã hóa cho thủ tục {procedure} "
        "vào ngày {date}; hồ sơ chỉ được kiểm tra theo các quy định áp dụng riêng cho trường "
        "hợp này (nêu ở dòng \"Quy định áp dụng\"), không theo quy định chính của tầng đó.",
        "en": "No main {layer}-layer regulation is encoded for the {procedure} procedure on "
        "{date}; this case has been checked only against the provisions that apply to it on "
        "their own (listed under \"Regulation applied\"), not the layer's main regulation.",
    },
    "no-rules": {
        "vi": "Tầng {layer_name} được xét theo {regime}, nhưng chưa có quy tắc nào đã mã hóa từ "
        "văn bản này áp dụng cho hồ sơ {procedure} này; tầng đó chưa được kiểm tra thực chất.",
        "en": "The {layer_name} layer falls under {regime}, but none of the rules encoded from it "
        "applies to this {procedure} case, so that layer has not really been checked.",
    },
    "not-covered-kind": {
        "vi": "Chưa có quy định nào của tầng {layer} được mã hóa cho loại hồ sơ {procedure} "
        "này (xem `checker rules` và phạm vi của từng bộ quy tắc); hồ sơ chưa được kiểm tra "
        "ở tầng đó.",
        "en": "No {layer}-layer rules are encoded for this kind of {procedure} case (see "
        "`checker rules` and the scope of each rule pack); it has not been checked at that "
        "layer.",
    },
    "transitional": {
        "vi": "Quy trình {procedure} bắt đầu ngày {start}, trước khi quy định hiện được mã hóa "
        "có hiệu lực, nhưng quyết định ngày {decided}; không có điều khoản chuyển tiếp nào "
        "được mã hóa cho trường hợp này nên không thể xác định bộ quy định áp dụng ở tầng "
        "{layer}, và hồ sơ chưa được kiểm tra ở tầng đó.",
        "en": "The {procedure} procedure began on {start}, before the encoded rules took "
        "effect, but was decided on {decided}; no transitional provision is encoded for "
        "this, so the applicable {layer}-layer rules cannot be determined and the case has "
        "not been checked at that layer.",
    },
    # --- `checker config` (issue 12, point 3: one language per run) ---
    "config-file": {"vi": "tệp cấu hình: {file}", "en": "configuration file: {file}"},
    "origin-default": {"vi": "mặc định", "en": "default"},
    "origin-env": {"vi": "biến môi trường {name}", "en": "environment variable {name}"},
    "origin-flag": {"vi": "tùy chọn {name}", "en": "option {name}"},
    "origin-file": {"vi": "tệp {path}", "en": "file {path}"},
    "transition-unsettled": {
        "vi": "Trước ngày {boundary}, hồ sơ {procedure} này chỉ có việc chuẩn bị (ngày "
        "{start}); quy trình bắt đầu ngày {proper}. Chưa rõ khi đó đã “thực hiện quy trình” "
        "hay chưa theo điều khoản chuyển tiếp, nên tầng {layer} được xét theo cả {earlier} "
        "và {later}: kết luận giống nhau được giữ nguyên, kết luận chỉ đúng theo một văn bản "
        "được ghi là không thể kết luận.",
        "en": "Before {boundary} this {procedure} case has only its preliminaries (on "
        "{start}); the procedure proper began on {proper}. Whether that counts as the "
        "procedure “already carried out” under the transitional provision is not settled, "
        "so the {layer} layer is judged under both {earlier} and {later}: conclusions they "
        "share stand, and one that holds under only one of them is marked as cannot be "
        "decided.",
    },
    "transition-only": {
        "vi": "Kết luận này chỉ đúng nếu hồ sơ được xét theo {held}; theo {other} thì không, "
        "và điều khoản chuyển tiếp chưa rõ văn bản nào áp dụng: không thể kết luận.",
        "en": "This holds only if the case is judged under {held}, not under {other}, and "
        "the transitional provision does not settle which applies: cannot decide.",
    },
    "no-date": {
        "vi": "Hồ sơ không có ngày nào để xác định quy định áp dụng; hãy ghi ngày quyết định "
        "hoặc dùng --as-of.",
        "en": "The case has no date from which to choose the applicable rules; record the "
        "decision date or use --as-of.",
    },
    # --- waivers --------------------------------------------------------------------------
    "waived": {
        "vi": "Được miễn trừ theo văn bản {authority} ngày {date} do {approved_by} phê duyệt "
        "(ghi tại {pointer}), với lý do: \"{reason}\".",
        "en": "Waived under {authority} of {date}, approved by {approved_by} (recorded at "
        "{pointer}), for this reason: \"{reason}\".",
    },
    "waived-until": {
        "vi": "Được miễn trừ đến hết ngày {expires} theo văn bản {authority} ngày {date} do "
        "{approved_by} phê duyệt (ghi tại {pointer}), với lý do: \"{reason}\".",
        "en": "Waived until {expires} inclusive under {authority} of {date}, approved by "
        "{approved_by} (recorded at {pointer}), for this reason: \"{reason}\".",
    },
    "waiver-tool-rule": {
        "vi": "Không thể miễn trừ {rule}: đó là kiểm tra của chính công cụ (đọc tệp, lược đồ, "
        "phạm vi quy định được mã hóa hoặc miễn trừ), không phải một quy định.",
        "en": "{rule} cannot be waived: it is one of the checker's own checks (reading the "
        "file, its schema, the coverage of the encoded law, or waivers), not a rule of law.",
    },
    "waiver-unknown": {
        "vi": "Miễn trừ này dành cho quy tắc {rule}, nhưng không bộ quy tắc nào đã nạp có quy "
        "tắc mang mã đó, nên miễn trừ không có tác dụng; hãy kiểm tra lại mã quy tắc (xem "
        "checker rules).",
        "en": "This waiver is for rule {rule}, but no loaded rule pack has a rule with that "
        "id, so it waives nothing; check the id (see checker rules).",
    },
    "waiver-expired": {
        "vi": "Miễn trừ theo văn bản {authority} đối với quy tắc {rule} chỉ có hiệu lực đến hết "
        "ngày {expires}, trước ngày {date} mà hồ sơ được xét theo (ghi tại {selected_by}); "
        "miễn trừ đã hết hạn nên các phát hiện của quy tắc này vẫn được tính.",
        "en": "The waiver of rule {rule} granted by {authority} was valid only until "
        "{expires}, before {date}, the date the case is judged on (from {selected_by}); it "
        "has expired, so the rule's findings still count.",
    },
    "waiver-unused": {
        "vi": "Miễn trừ theo văn bản {authority} đối với quy tắc {rule} không khớp với phát "
        "hiện nào trong hồ sơ; nếu vấn đề đã được khắc phục thì hãy bỏ miễn trừ này.",
        "en": "The waiver of rule {rule} granted by {authority} matches no finding in this "
        "case; if the problem has been corrected, remove the waiver.",
    },
    "waiver-unused-at": {
        "vi": "Miễn trừ theo văn bản {authority} đối với quy tắc {rule} không khớp với phát "
        "hiện nào tại {pointer} hoặc bên trong đó; nếu vấn đề đã được khắc phục thì hãy bỏ "
        "miễn trừ này.",
        "en": "The waiver of rule {rule} granted by {authority} matches no finding at or "
        "below {pointer}; if the problem has been corrected, remove the waiver.",
    },
    "waiver-unused-elsewhere": {
        "vi": "Miễn trừ theo văn bản {authority} đối với quy tắc {rule} không khớp với phát "
        "hiện nào tại {pointer} hoặc bên trong đó; quy tắc này có phát hiện tại {found}, hãy "
        "sửa lại con trỏ (pointer) của miễn trừ.",
        "en": "The waiver of rule {rule} granted by {authority} matches no finding at or "
        "below {pointer}; the rule reports at {found}, so correct the waiver's pointer.",
    },
    "waiver-not-applied": {
        "vi": "Miễn trừ theo văn bản {authority} đối với quy tắc {rule} không có tác dụng vì "
        "quy tắc này không áp dụng cho hồ sơ (không có hiệu lực vào ngày của hồ sơ hoặc không "
        "dành cho loại hồ sơ này); hãy bỏ miễn trừ này.",
        "en": "The waiver of rule {rule} granted by {authority} waives nothing, because the "
        "rule does not apply to this case (it is not in force on the case's date or is not "
        "for this kind of case); remove the waiver.",
    },
    # --- waivers that do not hold (issue 11, hostile input: waivers) -----------------------
    "waiver-after-decision": {
        "vi": "Văn bản {authority} cho phép miễn trừ quy tắc {rule} đề ngày {date}, sau ngày "
        "quyết định ({decided}); miễn trừ cấp sau khi đã quyết định không thể miễn trừ cho "
        "quyết định đó, nên các phát hiện của quy tắc này vẫn được tính.",
        "en": "The waiver of rule {rule} was granted by {authority} on {date}, after the "
        "decision of {decided}; a waiver granted after the decision cannot excuse it, so "
        "the rule's findings still count.",
    },
    "waiver-expires-before-issued": {
        "vi": "Miễn trừ theo văn bản {authority} đối với quy tắc {rule} hết hiệu lực ngày "
        "{expires}, trước cả ngày ban hành văn bản đó ({date}); hãy kiểm tra lại hai ngày "
        "này. Miễn trừ không có tác dụng nên các phát hiện của quy tắc này vẫn được tính.",
        "en": "The waiver of rule {rule} granted by {authority} expires on {expires}, before "
        "that document was issued on {date}; check both dates. It waives nothing, so the "
        "rule's findings still count.",
    },
    "waiver-not-yet-issued": {
        "vi": "Văn bản {authority} cho phép miễn trừ quy tắc {rule} đề ngày {date}, sau ngày "
        "{today} được coi là hôm nay (theo {selected_by}); văn bản chưa ban hành thì không "
        "thể là căn cứ miễn trừ, hãy kiểm tra lại ngày của văn bản.",
        "en": "The waiver of rule {rule} rests on {authority} dated {date}, after {today}, "
        "the day taken as today (from {selected_by}); a document not yet issued cannot "
        "authorise a waiver, so check its date.",
    },
    "waiver-self-approved": {
        "vi": "Miễn trừ theo văn bản {authority} đối với quy tắc {rule} do \"{approved_by}\" "
        "phê duyệt, mà đó chính là cấp bị quy tắc này xác định không phải cấp có thẩm quyền "
        "(tại {pointer}); không cấp nào tự miễn trừ được cho việc làm của chính mình, nên "
        "các phát hiện của quy tắc này vẫn được tính.",
        "en": "The waiver of rule {rule} granted by {authority} was approved by "
        "\"{approved_by}\", the very body this rule finds is not the competent one (at "
        "{pointer}); no body can waive a finding against itself, so the rule's findings "
        "still count.",
    },
    # --- the text report's frame ---------------------------------------------------------
    "applied": {
        "vi": "Quy định áp dụng: {number} (tầng {layer}, theo ngày {date} tại {selected_by}).",
        "en": "Regulation applied: {number} ({layer} layer, chosen by {date} at {selected_by}).",
    },
    "clean": {
        "vi": "Không phát hiện vấn đề nào.",
        "en": "No problems found.",
    },
    # {files}, {errors}, … are counted nouns (checker.i18n.count): "1 file", "3 files".
    "summary": {
        "vi": "Đã kiểm tra {files}: {errors}, {warnings}, {infos}.",
        "en": "Checked {files}: {errors}, {warnings}, {infos}.",
    },
    "summary-waived": {
        "vi": "Đã kiểm tra {files}: {errors}, {warnings}, {infos}; {waived} được miễn trừ.",
        "en": "Checked {files}: {errors}, {warnings}, {infos}; {waived} waived.",
    },
    "statistics": {
        "vi": "Số phát hiện theo quy tắc:",
        "en": "Findings per rule:",
    },
    "confidence": {
        "vi": "độ tin cậy {level}",
        "en": "{level} confidence",
    },
    # --- the text report's layout (issue 12, point 2) ------------------------------------
    "applied-layer": {
        "vi": "Quy định áp dụng ở tầng {layer}: {regulations}.",
        "en": "Regulations applied at the {layer} layer: {regulations}.",
    },
    "applied-by": {
        "vi": "theo ngày {date} tại {pointer}",
        "en": "chosen by {date} at {pointer}",
    },
    "internal-file": {
        "vi": "Lỗi nội bộ của checker khi kiểm tra tệp này ({detail}), nên tệp chưa được "
        "kiểm tra; các tệp khác vẫn được kiểm tra. Xin báo lỗi này kèm theo tệp "
        "(CHECKER_DEBUG=1 cho xem chi tiết).",
        "en": "The checker failed on this file ({detail}), so it has not been checked; the "
        "other files are still checked. Please report this with the file (CHECKER_DEBUG=1 "
        "shows the details).",
    },
    # --- issue 11, I/O class: output files, environment, walking folders ----------------
    "output-empty": {
        "vi": "Cần tên của một tệp để ghi vào, nhưng tên được cho là rỗng.",
        "en": "The name of a file to write to is needed, but the name given is empty.",
    },
    "output-exists": {
        "vi": "{path} đã tồn tại; dùng --force để ghi đè.",
        "en": "{path} already exists; use --force to overwrite it.",
    },
    "output-appeared": {
        "vi": "{path} được tạo ra trong lúc đang kiểm tra nên không bị ghi đè; dùng --force "
        "nếu muốn ghi đè.",
        "en": "{path} was created while the check was running, so it is not replaced; use "
        "--force to overwrite it.",
    },
    "output-is-input": {
        "vi": "{path} là một trong các tệp đang được kiểm tra (có thể qua đầu vào chuẩn) nên "
        "báo cáo không được ghi đè lên tệp đó.",
        "en": "{path} is one of the files being checked (perhaps through standard input), so "
        "the report cannot replace it.",
    },
    "output-device": {
        "vi": "{path} không phải tệp thông thường, pipe có tên (fifo), /dev/null hay terminal "
        "đang dùng, nên không được ghi vào.",
        "en": "{path} is not a regular file, a named pipe (fifo), /dev/null or the terminal in "
        "use, so nothing is written to it.",
    },
    "output-failed": {
        "vi": "Không ghi được {path}: {reason}.",
        "en": "Cannot write {path}: {reason}.",
    },
    "config-not-table": {
        "vi": "{path}: {table} phải là một bảng TOML (đầu mục [{table}]) nhưng ở đây là "
        "{kind}.",
        "en": "{path}: {table} must be a TOML table (a [{table}] header) but here it is "
        "{kind}.",
    },
    "config-too-large": {
        "vi": "{path}: tệp cấu hình có {size} byte, vượt giới hạn {limit} byte, nên không "
        "được đọc.",
        "en": "{path}: the configuration file has {size} bytes, over the {limit}-byte limit, "
        "so it is not read.",
    },
    "config-not-regular": {
        "vi": "{path}: tệp cấu hình không phải tệp thông thường (có thể là pipe hoặc thiết "
        "bị) nên không được đọc.",
        "en": "{path}: the configuration file is not a regular file (perhaps a pipe or a "
        "device), so it is not read.",
    },
    "config-unreadable": {
        "vi": "{path}: không đọc được tệp cấu hình: {reason}.",
        "en": "{path}: the configuration file cannot be read: {reason}.",
    },
    "config-not-utf8": {
        "vi": "{path}: tệp cấu hình không phải văn bản UTF-8 hợp lệ (byte lỗi ở vị trí "
        "{offset}).",
        "en": "{path}: the configuration file is not valid UTF-8 text (bad byte at offset "
        "{offset}).",
    },
    "config-not-toml": {
        "vi": "{path}: tệp cấu hình không phải TOML hợp lệ (lỗi ở dòng {line}, cột {column}).",
        "en": "{path}: the configuration file is not valid TOML ({reason} at line {line}, "
        "column {column}).",
    },
    "config-unknown-key": {
        "vi": "{path}: không có thiết lập '{setting}'; các thiết lập có: {known}.",
        "en": "{path}: unknown setting '{setting}'; known settings: {known}.",
    },
    "config-bad-value": {
        "vi": "{path}: thiết lập '{setting}' = {value} không hợp lệ; cần {expected}.",
        "en": "{path}: setting '{setting}' = {value} is not valid; expected {expected}.",
    },
    "env-bad-value": {
        "vi": "Biến môi trường {var}={value} không hợp lệ; cần {expected}.",
        "en": "The environment variable {var}={value} is not valid; expected {expected}.",
    },
    "flag-bad-value": {
        "vi": "Tùy chọn {flag} = {value} không hợp lệ; cần {expected}.",
        "en": "The option {flag} = {value} is not valid; expected {expected}.",
    },
    "expect-choice": {"vi": "một trong các giá trị {choices}", "en": "one of {choices}"},
    "expect-int": {"vi": "một số nguyên", "en": "a whole number"},
    "expect-int-range": {
        "vi": "một số nguyên từ {low} đến {high}",
        "en": "a whole number from {low} to {high}",
    },
    "expect-int-min": {
        "vi": "một số nguyên không nhỏ hơn {low}",
        "en": "a whole number of at least {low}",
    },
    "expect-bool": {"vi": "true hoặc false", "en": "true or false"},
    "expect-list": {"vi": "một danh sách các chuỗi", "en": "a list of strings"},
    "folder-unreadable": {
        "vi": "Không đọc được thư mục này nên các tệp hồ sơ trong đó chưa được kiểm tra: "
        "{reason}.",
        "en": "This folder cannot be read, so the case files in it have not been checked: "
        "{reason}.",
    },
    "folder-seen": {
        "vi": "Thư mục này (qua liên kết tượng trưng hoặc điểm gắn kết) chính là thư mục "
        "{other} đã được kiểm tra; các tệp trong đó không được kiểm tra lại.",
        "en": "This folder (through a symbolic link or a mount) is the folder {other}, already "
        "checked; its files are not checked again.",
    },
    "no-case-files-in": {
        "vi": "{path}: không có tệp hồ sơ nào trong thư mục này nên không có gì được kiểm "
        "tra ở đó.",
        "en": "{path}: there is no case file in this folder, so nothing was checked there.",
    },
    "no-case-files": {
        "vi": "Không có tệp hồ sơ nào để kiểm tra: các tệp được nêu tên đều bị loại theo "
        "include/exclude.",
        "en": "There is no case file to check: the files named are all excluded by "
        "include/exclude.",
    },
    # --- rule packs and the source catalog: files that cannot be used (issue 11, packs) ---
    # One line each, "<file>: <problem>", in the style of a compiler's message; {pack} and
    # {file} are the file as named on the command line.
    "file-not-regular": {
        "vi": "{file}: không phải tệp thông thường",
        "en": "{file}: not a regular file",
    },
    "file-too-large": {
        "vi": "{file}: tệp có {size} byte, quá lớn đối với một bộ quy tắc (tối đa {limit} byte)",
        "en": "{file}: {size} bytes is too large for a rule pack (at most {limit} bytes)",
    },
    "file-unreadable": {
        "vi": "{file}: không đọc được tệp: {reason}",
        "en": "{file}: cannot read: {reason}",
    },
    "toml-too-deep": {
        "vi": "{file}: không phải TOML hợp lệ: các bảng, mảng lồng nhau quá sâu",
        "en": "{file}: not valid TOML: nested too deeply",
    },
    "toml-not-utf8": {
        "vi": "{file}: không phải TOML hợp lệ: tệp không phải văn bản UTF-8 (byte lỗi ở vị trí "
        "{offset}); hãy lưu lại tệp với mã UTF-8",
        "en": "{file}: not valid TOML: the file is not UTF-8 text (bad byte at offset "
        "{offset}); save it again as UTF-8",
    },
    "toml-number-too-long": {
        "vi": "{file}: không phải TOML hợp lệ: có một số dài hơn {limit} chữ số",
        "en": "{file}: not valid TOML: a number is longer than {limit} digits",
    },
    "toml-invalid": {
        "vi": "{file}: không phải TOML hợp lệ: {reason}",
        "en": "{file}: not valid TOML: {reason}",
    },
    "pack-limit-depth": {
        "vi": "{pack}: tại {where}: các bảng, mảng lồng nhau sâu hơn {limit} cấp; một bộ quy "
        "tắc không cần sâu đến vậy",
        "en": "{pack}: at {where}: tables and arrays are nested more than {limit} levels "
        "deep; a rule pack needs far fewer",
    },
    "pack-limit-depth-rule": {
        "vi": "{pack}: quy tắc {rule}: tại {where}: các bảng, mảng lồng nhau sâu hơn {limit} "
        "cấp; một quy tắc không cần sâu đến vậy",
        "en": "{pack}: rule {rule}: at {where}: tables and arrays are nested more than "
        "{limit} levels deep; a rule needs far fewer",
    },
    "pack-limit-items": {
        "vi": "{pack}: tại {where}: có {count} phần tử, vượt giới hạn {limit} phần tử ở một "
        "chỗ trong bộ quy tắc",
        "en": "{pack}: at {where}: {count} entries, over the limit of {limit} in one place "
        "of a rule pack",
    },
    "pack-limit-items-rule": {
        "vi": "{pack}: quy tắc {rule}: tại {where}: có {count} phần tử, vượt giới hạn {limit} "
        "phần tử ở một chỗ trong bộ quy tắc",
        "en": "{pack}: rule {rule}: at {where}: {count} entries, over the limit of {limit} "
        "in one place of a rule pack",
    },
    "pack-limit-text": {
        "vi": "{pack}: tại {where}: chuỗi dài {length} ký tự, vượt giới hạn {limit} ký tự",
        "en": "{pack}: at {where}: a text of {length} characters, over the limit of {limit}",
    },
    "pack-limit-text-rule": {
        "vi": "{pack}: quy tắc {rule}: tại {where}: chuỗi dài {length} ký tự, vượt giới hạn "
        "{limit} ký tự",
        "en": "{pack}: rule {rule}: at {where}: a text of {length} characters, over the limit "
        "of {limit}",
    },
    "pack-limit-number": {
        "vi": "{pack}: tại {where}: số có {digits} chữ số, vượt giới hạn {limit} chữ số",
        "en": "{pack}: at {where}: a number of {digits} digits, over the limit of {limit}",
    },
    "pack-limit-number-rule": {
        "vi": "{pack}: quy tắc {rule}: tại {where}: số có {digits} chữ số, vượt giới hạn "
        "{limit} chữ số",
        "en": "{pack}: rule {rule}: at {where}: a number of {digits} digits, over the limit "
        "of {limit}",
    },
    "pack-limit-examples": {
        "vi": "{pack}: có {count} hồ sơ ví dụ, vượt giới hạn {limit} hồ sơ ví dụ của một bộ "
        "quy tắc",
        "en": "{pack}: {count} example cases, over the limit of {limit} for one rule pack",
    },
    "pack-schema": {
        "vi": "{pack}: không khớp với lược đồ bộ quy tắc: {detail}",
        "en": "{pack}: does not match the rule-pack schema: {detail}",
    },
    "pack-at": {
        "vi": "tại {where}: {message}",
        "en": "at {where}: {message}",
    },
    "pack-rule-at": {
        "vi": "quy tắc {rule}: tại {where}: {message}",
        "en": "rule {rule}: at {where}: {message}",
    },
    "pack-unknown-kind": {
        "vi": "quy tắc {rule}: không có loại kiểm tra {kind}; các loại kiểm tra hiện có: {known}",
        "en": "rule {rule}: unknown predicate kind {kind}; known kinds: {known}",
    },
    "pack-check-parameter": {
        "vi": "quy tắc {rule}: kiểm tra {kind}: {where}: {message}",
        "en": "rule {rule}: check {kind}: {where}: {message}",
    },
    "pack-example-path": {
        "vi": "quy tắc {rule}: tại {where}: hồ sơ ví dụ phải là tệp .json, ghi theo đường dẫn "
        "tương đối so với tệp bộ quy tắc và nằm trong thư mục của nó (không dùng đường dẫn "
        "tuyệt đối, không có '..', không phải tệp ẩn)",
        "en": "rule {rule}: at {where}: an example must be a .json file named relative to "
        "the pack file and below its folder (no absolute path, no '..', no hidden file)",
    },
    "pack-id-loaded": {
        "vi": "{pack}: đã nạp một bộ quy tắc có mã {id}",
        "en": "{pack}: a rule pack with id {id} is already loaded",
    },
    "pack-rule-taken": {
        "vi": "{pack}: quy tắc {rule} đã được bộ quy tắc {other} định nghĩa",
        "en": "{pack}: rule {rule} is already defined by pack {other}",
    },
    "pack-source-builtin": {
        "vi": "{pack}: văn bản {source} đã có trong danh mục nguồn có sẵn; hãy đặt mã khác cho "
        "văn bản riêng của bộ quy tắc",
        "en": "{pack}: source {source} is already in the built-in catalog; give the pack's "
        "own source another id",
    },
    "pack-source-twice": {
        "vi": "{pack}: văn bản {source} được khai báo hai lần",
        "en": "{pack}: source {source} is defined twice",
    },
    "pack-source-replaced-unknown": {
        "vi": "{pack}: văn bản {source} được thay thế bởi văn bản {other} không có trong danh "
        "mục nguồn",
        "en": "{pack}: source {source} is replaced by unknown source {other}",
    },
    "pack-cover-own-source": {
        "vi": "{pack}: phạm vi áp dụng (covers) nêu văn bản {source} thuộc các văn bản riêng "
        "của bộ quy tắc; phạm vi áp dụng phải nêu một văn bản của danh mục nguồn có sẵn (xem "
        "`checker sources`)",
        "en": "{pack}: covers source {source} from the pack's own sources; a cover must name "
        "a built-in source (see `checker sources`)",
    },
    "pack-cover-unknown": {
        "vi": "{pack}: phạm vi áp dụng (covers) nêu văn bản {source} không có trong danh mục "
        "nguồn",
        "en": "{pack}: covers unknown source {source}",
    },
    "pack-cover-backwards": {
        "vi": "{pack}: phạm vi áp dụng theo văn bản {source} kết thúc trước khi bắt đầu",
        "en": "{pack}: the cover under {source} ends before it starts",
    },
    "pack-cover-transition": {
        "vi": "{pack}: phạm vi áp dụng theo văn bản {source} khai báo điều khoản chuyển tiếp "
        "(transition) nhưng được chọn theo \"{selected_by}\"; điều khoản chuyển tiếp chỉ "
        "dùng với selected_by = \"process_start\"",
        "en": "{pack}: the cover under {source} declares a transitional provision "
        "(transition) but is selected by \"{selected_by}\"; a transition needs selected_by "
        "= \"process_start\"",
    },
    "pack-cover-layer": {
        "vi": "{pack}: bộ quy tắc thuộc tầng {layer} nhưng có phạm vi áp dụng khai báo tầng "
        "{cover_layer}; một bộ quy tắc chỉ áp dụng cho tầng của chính nó",
        "en": "{pack}: a pack of the {layer} layer declares a cover of the {cover_layer} "
        "layer; a pack speaks for its own layer only",
    },
    "pack-cover-source-layer": {
        "vi": "{pack}: phạm vi áp dụng tầng {layer} theo văn bản {source} ({number}), nhưng "
        "đó là văn bản của tầng {source_layer}",
        "en": "{pack}: covers the {layer} layer under {source} ({number}), a document of the "
        "{source_layer} layer",
    },
    "pack-cover-undated": {
        "vi": "{pack}: phạm vi áp dụng tầng {layer} theo văn bản {source} ({number}) trong thời "
        "gian {period}, nhưng danh mục nguồn không cho biết văn bản này có hiệu lực từ ngày nào",
        "en": "{pack}: covers the {layer} layer under {source} ({number}) for {period}, but "
        "the source catalog does not say from when that document is in force",
    },
    "pack-cover-period": {
        "vi": "{pack}: phạm vi áp dụng tầng {layer} theo văn bản {source} ({number}) trong thời "
        "gian {period}, nhưng theo danh mục nguồn văn bản này chỉ có hiệu lực {in_force}; "
        "phạm vi áp dụng không được vượt ra ngoài thời gian có hiệu lực của văn bản",
        "en": "{pack}: covers the {layer} layer under {source} ({number}) for {period}, but "
        "the source catalog has that document in force {in_force} only; a cover cannot reach "
        "beyond its source's period in force",
    },
    "pack-cites-unknown": {
        "vi": "{pack}: quy tắc {rule}: trích dẫn văn bản {source} không có trong danh mục nguồn",
        "en": "{pack}: rule {rule}: cites unknown source {source}",
    },
    "pack-cite-layer": {
        "vi": "{pack}: quy tắc {rule}: trích dẫn {source} ({number}), văn bản của tầng "
        "{source_layer}, trong một bộ quy tắc của tầng {layer}; quy tắc chỉ được trích dẫn "
        "văn bản thuộc tầng của mình",
        "en": "{pack}: rule {rule}: cites {source} ({number}), a document of the "
        "{source_layer} layer, in a pack of the {layer} layer; a rule cites documents of "
        "its own layer only",
    },
    "pack-rule-period": {
        "vi": "{pack}: quy tắc {rule}: phiên bản {version} ({period}) áp dụng cả vào ngày {day}, "
        "khi không văn bản nào mà nó trích dẫn có hiệu lực (theo danh mục nguồn); quy tắc "
        "không thể áp dụng khi văn bản làm căn cứ chưa có hoặc đã hết hiệu lực",
        "en": "{pack}: rule {rule}: version {version} ({period}) applies on {day}, when none "
        "of the documents it cites is in force (per the source catalog); a rule cannot apply "
        "where its sources do not",
    },
    "pack-version-twice": {
        "vi": "{pack}: quy tắc {rule}: phiên bản {version} được định nghĩa hai lần",
        "en": "{pack}: rule {rule}: version {version} is defined twice",
    },
    "pack-versions-overlap": {
        "vi": "{pack}: quy tắc {rule}: phiên bản {a} ({a_period}) và phiên bản {b} "
        "({b_period}) có thời gian áp dụng chồng lên nhau",
        "en": "{pack}: rule {rule}: versions {a} ({a_period}) and {b} ({b_period}) overlap "
        "in time",
    },
    "pack-period-backwards": {
        "vi": "{pack}: quy tắc {rule}: in_force kết thúc trước khi bắt đầu",
        "en": "{pack}: rule {rule}: in_force ends before it starts",
    },
    "pack-amendment-unknown": {
        "vi": "{pack}: quy tắc {rule}: trích dẫn văn bản sửa đổi {source} không có trong danh "
        "mục nguồn",
        "en": "{pack}: rule {rule}: cites an amendment by unknown source {source}",
    },
    "pack-not-amending": {
        "vi": "{pack}: quy tắc {rule}: trích dẫn {source} như đã được {amending} sửa đổi, "
        "nhưng danh mục nguồn không ghi {amending} sửa đổi {source}",
        "en": "{pack}: rule {rule}: cites {source} as amended by {amending}, but the catalog "
        "does not say that {amending} amends {source}",
    },
    "pack-low-confidence": {
        "vi": "{pack}: quy tắc {rule}: chỉ trích dẫn nguồn có độ tin cậy thấp: một yêu cầu chỉ "
        "biết qua nguồn có độ tin cậy thấp thì không được mã hóa",
        "en": "{pack}: rule {rule}: cites only low-confidence sources: a requirement known "
        "only from a low-confidence source is not encoded",
    },
    "pack-error-confidence": {
        "vi": "{pack}: quy tắc {rule}: ở mức lỗi nhưng không nguồn nào có độ tin cậy cao hoặc "
        "khá cao: một yêu cầu lấy từ nguồn có độ tin cậy trung bình chỉ ở mức cảnh báo",
        "en": "{pack}: rule {rule}: is an error but none of its sources is of high or "
        "medium-high confidence: a requirement from a medium-confidence source is at most "
        "a warning",
    },
    "pack-message-missing": {
        "vi": "{pack}: quy tắc {rule}: thiếu thông điệp {message_key} cho loại kiểm tra "
        "{kind}",
        "en": "{pack}: rule {rule}: has no message {message_key} for {kind}",
    },
    "pack-message-never": {
        "vi": "{pack}: quy tắc {rule}: loại kiểm tra {kind} không bao giờ đưa ra thông điệp "
        "{message_key}",
        "en": "{pack}: rule {rule}: message {message_key} is never emitted by {kind}",
    },
    "pack-placeholder-plain": {
        "vi": "{pack}: quy tắc {rule}: thông điệp {message_key} ({text_lang}) chỉ được dùng "
        "chỗ thay thế dạng {{name}} đơn giản",
        "en": "{pack}: rule {rule}: message {message_key} ({text_lang}) may only use plain "
        "{{name}} placeholders",
    },
    "pack-placeholder-unknown": {
        "vi": "{pack}: quy tắc {rule}: thông điệp {message_key} ({text_lang}) dùng chỗ thay "
        "thế {{{name}}} không có; các chỗ thay thế có thể dùng: {available}",
        "en": "{pack}: rule {rule}: message {message_key} ({text_lang}) uses unknown "
        "placeholder {{{name}}}; available: {available}",
    },
    # issue 14 (removal): a kind that reads one family's case, on another's procedure
    "pack-kind-procedure": {
        "vi": "{pack}: quy tắc {rule}: loại kiểm tra {kind} (với các tham số này) chỉ đọc "
        "được hồ sơ của các thủ tục {supported}, nhưng quy tắc áp dụng cho thủ tục "
        "{procedure}; hãy bỏ thủ tục đó khỏi procedures của quy tắc, hoặc dùng một loại "
        "kiểm tra khác",
        "en": "{pack}: rule {rule}: predicate kind {kind} (with these parameters) can only "
        "read a case of the procedures {supported}, but the rule applies to {procedure}; "
        "remove that procedure from the rule's procedures, or use another kind",
    },
    "pack-none": {
        "vi": "không có",
        "en": "none",
    },
    "period-closed": {
        "vi": "từ {start} đến {end}",
        "en": "{start} to {end}",
    },
    "period-open": {
        "vi": "từ {start}, không có ngày kết thúc",
        "en": "{start} to open end",
    },
    # --- issue 12, point 3: `checker verify` in the run's language (branch h12-lang) -----
    "verify-stale": {
        "vi": "{pack}: last_verified là {verified}, sớm hơn ngày {today} quá một năm; hãy đối "
        "chiếu các quy tắc với quy định đang có hiệu lực rồi cập nhật ngày này",
        "en": "{pack}: last_verified is {verified}, more than a year before {today}; check "
        "the rules against the law in force and update the date",
    },
    "verify-no-examples": {
        "vi": "{pack}: {count} trên {total} phiên bản quy tắc chưa có hồ sơ ví dụ: {rules}",
        "en": "{pack}: no examples for {count} of {total} rule versions: {rules}",
    },
    "verify-version-name": {"vi": "{rule} phiên bản {version}", "en": "{rule} version {version}"},
    "verify-where": {
        "vi": "{pack}: quy tắc {rule}: hồ sơ ví dụ {case}",
        "en": "{pack}: rule {rule}: example {case}",
    },
    "verify-unreadable": {
        "vi": "{where} không đọc được: {reason}",
        "en": "{where} cannot be read: {reason}",
    },
    "verify-invalid": {
        "vi": "{where} không phải hồ sơ hợp lệ: {reason}{at}",
        "en": "{where} is not a valid case: {reason}{at}",
    },
    "verify-not-run": {
        "vi": "{where}: quy tắc không chạy trên hồ sơ này (thủ tục, điều kiện `when` hoặc ngày "
        "của hồ sơ nằm ngoài phạm vi của quy tắc hoặc của bộ quy tắc)",
        "en": "{where}: the rule does not run on this case (its procedure, its `when`, or its "
        "date is outside the rule or the pack's covers)",
    },
    "verify-other-version": {
        "vi": "{where}: ngày {date} của hồ sơ chọn phiên bản {chosen} của quy tắc, không phải "
        "phiên bản {version}",
        "en": "{where}: its date {date} selects version {chosen} of the rule, not version "
        "{version}",
    },
    "verify-expects-finds-nothing": {
        "vi": "{where} cần kết quả {expect}, nhưng quy tắc không phát hiện gì",
        "en": "{where} expects {expect}, but the rule finds nothing",
    },
    "verify-expects-violation": {
        "vi": "{where} cần kết quả {expect}, nhưng quy tắc báo vi phạm{at}: {message}",
        "en": "{where} expects {expect}, but the rule reports a violation{at}: {message}",
    },
    "verify-expects-undecidable": {
        "vi": "{where} cần kết quả {expect}, nhưng quy tắc không thể kết luận{at}: {message}",
        "en": "{where} expects {expect}, but the rule cannot decide{at}: {message}",
    },
    "verify-at": {"vi": " tại {pointer}", "en": " at {pointer}"},
    "verify-at-line": {"vi": " tại {pointer}, dòng {line}", "en": " at {pointer}, line {line}"},
    "verify-ok": {"vi": "{pack}: đạt (đã kiểm tra {examples})",
                  "en": "{pack}: ok ({examples} checked)"},
    "verify-warning": {"vi": "cảnh báo: {line}", "en": "warning: {line}"},
    "verify-note": {"vi": "ghi chú: {line}", "en": "note: {line}"},
    # -- issue 12 (h12-files): which JSON files are cases (checker.recognise), the
    # cache commands, init --vscode.
    "not-case-no-keys": {
        "vi": "Đây không phải tệp hồ sơ: tệp không có $schema trỏ tới lược đồ hồ sơ "
        "(case.schema.json), cũng không có trường case_id hay procedure.",
        "en": "This is not a case file: it has no $schema naming the case schema "
        "(case.schema.json), and neither a case_id nor a procedure field.",
    },
    "not-case-other-schema": {
        "vi": "Đây không phải tệp hồ sơ: $schema của tệp là {schema}, không phải lược đồ "
        "hồ sơ (case.schema.json).",
        "en": "This is not a case file: its $schema is {schema}, not the case schema "
        "(case.schema.json).",
    },
    "not-case-not-object": {
        "vi": "Đây không phải tệp hồ sơ: một hồ sơ là một đối tượng JSON ({{...}}) có các "
        "trường case_id và procedure.",
        "en": "This is not a case file: a case is a JSON object ({{...}}) with the fields "
        "case_id and procedure.",
    },
    "skip-by-name": {
        "vi": "{path}: bỏ qua, tên tệp này là của một lược đồ JSON hoặc của công cụ khác, "
        "không phải tệp hồ sơ.",
        "en": "{path}: skipped, a file of this name is a JSON Schema or another tool's "
        "file, not a case file.",
    },
    "skip-note": {
        "vi": "{path}: bỏ qua. {reason}",
        "en": "{path}: skipped. {reason}",
    },
    "expect-pattern": {
        "vi": "một mẫu kiểu .gitignore hợp lệ (ví dụ cases/**/*.json, drafts/, !giu.json)",
        "en": "a valid gitignore-style pattern (for example cases/**/*.json, drafts/, "
        "!keep.json)",
    },
    "no-case-files-recognised": {
        "vi": "Không có tệp hồ sơ nào để kiểm tra: không tệp nào được nêu tên là tệp hồ sơ.",
        "en": "There is no case file to check: none of the files named is a case file.",
    },
    "cache-cleaned": {
        "vi": "Đã xóa {entries} mục ({size}) khỏi bộ nhớ đệm {path}.",
        "en": "Removed {entries} entries ({size}) from the cache in {path}.",
    },
    "cache-none": {
        "vi": "Không dùng bộ nhớ đệm: không tìm được thư mục tuyệt đối nào cho nó "
        "(CHECKER_CACHE_DIR, XDG_CACHE_HOME hoặc HOME).",
        "en": "There is no cache: no absolute folder can be found for it (CHECKER_CACHE_DIR, "
        "XDG_CACHE_HOME or HOME).",
    },
    "cache-info": {
        "vi": "Thư mục: {path}\nSố mục: {entries}\nDung lượng: {size}\nGiới hạn: {limit} "
        "(cache_max_size; mục cũ nhất bị xóa trước)",
        "en": "Folder: {path}\nEntries: {entries}\nSize: {size}\nLimit: {limit} "
        "(cache_max_size; the oldest entries are removed first)",
    },
    "vscode-written": {
        "vi": "{path}: các tệp hồ sơ ({patterns}) được gắn với lược đồ {schema}.",
        "en": "{path}: case files ({patterns}) are mapped to the schema {schema}.",
    },
    "vscode-unchanged": {
        "vi": "{path}: đã gắn các tệp hồ sơ với lược đồ, không có gì thay đổi.",
        "en": "{path}: case files are already mapped to the schema; nothing changed.",
    },
    "vscode-not-json": {
        "vi": "{path}: không sửa tệp cài đặt này vì nó không phải JSON (có chú thích) hợp lệ: "
        "lỗi ở dòng {line}, cột {column}. Hãy sửa tệp rồi chạy lại.",
        "en": "{path}: this settings file is left as it is, because it is not valid JSON "
        "(with comments): the error is at line {line}, column {column}. Fix it and run this "
        "again.",
    },
    "vscode-not-object": {
        "vi": "{path}: không sửa tệp cài đặt này vì cấp ngoài cùng của nó không phải một đối "
        "tượng JSON ({{...}}).",
        "en": "{path}: this settings file is left as it is, because its top level is not a "
        "JSON object ({{...}}).",
    },
    "vscode-not-array": {
        "vi": "{path}: không sửa tệp cài đặt này vì giá trị của {what} không phải một mảng "
        "JSON ([...]).",
        "en": "{path}: this settings file is left as it is, because the value of {what} is "
        "not a JSON array ([...]).",
    },
    # --- issue 12, point 4 (conventions): rule ids, exit options, stdin, output, colour ---
    "unknown-rule": {
        "vi": "Không có quy tắc nào mang mã {rule}; xem danh sách bằng lệnh `checker rules`.",
        "en": "There is no rule {rule}; see `checker rules` for the list.",
    },
    "unknown-rule-suggest": {
        "vi": "Không có quy tắc nào mang mã {rule}; có phải ý bạn là {suggestions}? Xem danh "
        "sách bằng lệnh `checker rules`.",
        "en": "There is no rule {rule}; did you mean {suggestions}? See `checker rules` for "
        "the list.",
    },
    "ignore-internal": {
        "vi": "{where}: không thể bỏ qua INTERNAL, vì mã này cho biết checker gặp lỗi nội bộ "
        "trên một tệp và tệp đó chưa được kiểm tra.",
        "en": "{where}: INTERNAL cannot be ignored: it means that the checker failed on a "
        "file, which has therefore not been checked.",
    },
    "exit-zero-conflict": {
        "vi": "Không dùng được --exit-zero cùng với {other}: --exit-zero đã cho mã thoát 0 "
        "dù có phát hiện nào.",
        "en": "--exit-zero cannot be used with {other}: --exit-zero already makes the exit "
        "code 0 whatever is found.",
    },
    "stdin-filename-without-stdin": {
        "vi": "--stdin-filename chỉ dùng khi đọc hồ sơ từ đầu vào chuẩn; hãy thêm - vào "
        "danh sách tệp, hoặc bỏ các tệp khác.",
        "en": "--stdin-filename is only used when a case is read from standard input; add - "
        "to the paths, or give no other path.",
    },
    "stdin-filename-empty": {
        "vi": "--stdin-filename cần tên của một tệp, nhưng tên được cho là rỗng.",
        "en": "--stdin-filename needs the name of a file, but the name given is empty.",
    },
    "output-is-named-input": {
        "vi": "{path} là {what} nên báo cáo không được ghi đè lên tệp đó.",
        "en": "{path} is {what}, so the report cannot replace it.",
    },
    "input-config": {"vi": "tệp cấu hình của lần chạy này",
                     "en": "the configuration file of this run"},
    "input-rule-pack": {"vi": "một bộ quy tắc của lần chạy này", "en": "a rule pack of this run"},
    "input-stdin-filename": {
        "vi": "tên được đặt cho hồ sơ đọc từ đầu vào chuẩn (--stdin-filename)",
        "en": "the name given to the case read from standard input (--stdin-filename)",
    },
    "unknown-field-suggest": {
        "vi": "Trường \"{name}\" không có trong lược đồ hồ sơ; có phải ý bạn là \"{suggestion}\"? "
        "Nếu không, hãy bỏ trường này.",
        "en": "The field \"{name}\" is not part of the case schema; did you mean "
        "\"{suggestion}\"? If not, remove it.",
    },
    "output-exists-not-report": {
        "vi": "{path} đã tồn tại và không phải là một báo cáo do checker ghi ra trước đây; "
        "dùng --force để ghi đè.",
        "en": "{path} already exists and is not a report that checker wrote before; use "
        "--force to overwrite it.",
    },
    # -- issue 13 point 2 (builder): checker new, the guided interview (checker/interview.py)
    "new-ask-procedure": {"vi": "Hồ sơ này thuộc thủ tục nào?",
                          "en": "Which procedure is this case?"},
    "new-ask-has": {"vi": "Hồ sơ có phần này không: {what}?",
                    "en": "Does the case have this part: {what}?"},
    "new-ask-add-first": {"vi": "Thêm một mục vào «{what}»?",
                          "en": "Add an item to «{what}»?"},
    "new-ask-add-more": {"vi": "«{what}» đã có {count} mục; thêm một mục nữa?",
                         "en": "«{what}» has {count} items; add another?"},
    "new-item": {"vi": "«{what}», mục {n}", "en": "«{what}», item {n}"},
    "new-yes": {"vi": "Có", "en": "Yes"},
    "new-no": {"vi": "Không", "en": "No"},
    "new-leave-out": {"vi": "(không có thông tin, bỏ qua)",
                      "en": "(no information, leave it out)"},
    "new-select-instruction": {"vi": "(chọn bằng phím mũi tên rồi Enter)",
                               "en": "(choose with the arrow keys, then Enter)"},
    "new-plain-choice": {"vi": "[gõ số thứ tự hoặc mã; Enter để chọn {default}]",
                         "en": "[type the number or the code; Enter chooses {default}]"},
    "new-bad-choice": {
        "vi": "'{value}' không phải một lựa chọn; hãy gõ một số từ 1 đến {high} hoặc một mã "
        "trong danh sách.",
        "en": "'{value}' is not a choice; type a number from 1 to {high} or a code from the "
        "list.",
    },
    "new-hint-date": {"vi": "ngày, ví dụ 25/11/2024 hoặc 2024-11-25",
                      "en": "a date, e.g. 25/11/2024 or 2024-11-25"},
    "new-hint-count": {"vi": "số nguyên từ {low} đến {high}",
                       "en": "a whole number from {low} to {high}"},
    "new-hint-number": {"vi": "số, ký hiệu văn bản, ví dụ 123/QĐ-BNV",
                        "en": "a document number, e.g. 123/QĐ-BNV"},
    "new-hint-optional": {"vi": "để trống nếu không có", "en": "leave empty if there is none"},
    "new-date-shown": {"vi": "  Đã ghi ngày {date}.", "en": "  Recorded as {date}."},
    "new-required": {"vi": "Trường này bắt buộc; hãy nhập một giá trị.",
                     "en": "This field is required; please enter a value."},
    "new-bad-date": {
        "vi": "'{value}' không phải một ngày; hãy ghi như 25/11/2024, 25-11-2024, 25.11.2024, "
        "ngày 25 tháng 11 năm 2024 hoặc 2024-11-25.",
        "en": "'{value}' is not a date; write it as 25/11/2024, 25-11-2024, 25.11.2024, "
        "\"ngày 25 tháng 11 năm 2024\" or 2024-11-25.",
    },
    "new-bad-day": {"vi": "'{value}' không phải một ngày có thật trong lịch.",
                    "en": "'{value}' is not a day of the calendar."},
    "new-bad-count": {"vi": "'{value}' không phải một số nguyên không âm (ví dụ 4).",
                      "en": "'{value}' is not a whole number of zero or more (e.g. 4)."},
    "new-bad-number": {"vi": "'{value}' không phải một số (ví dụ 0,7).",
                       "en": "'{value}' is not a number (e.g. 0.7)."},
    "new-out-of-range": {"vi": "{value} không nằm trong khoảng từ {low} đến {high}.",
                         "en": "{value} is not in the range {low} to {high}."},
    "new-too-long": {"vi": "Câu trả lời dài quá {high} ký tự.",
                     "en": "The answer is longer than {high} characters."},
    "new-foreign-letters": {
        "vi": "Câu trả lời có chữ của bảng chữ cái khác hoặc chữ toàn khổ (ví dụ Ð thay cho Đ); "
        "hãy gõ lại bằng chữ tiếng Việt.",
        "en": "The answer has letters of another alphabet or full-width characters (e.g. Ð "
        "for Đ); please type it again in Vietnamese letters.",
    },
    "new-bad-doc-number": {
        "vi": "'{value}' không phải số, ký hiệu văn bản; hãy ghi như 123/QĐ-BNV, "
        "170/2025/NĐ-CP hoặc 97-QĐ/TW.",
        "en": "'{value}' is not a document number; write it as 123/QĐ-BNV, 170/2025/NĐ-CP "
        "or 97-QĐ/TW.",
    },
    "new-bad-form": {"vi": "'{value}' không đúng dạng mà trường này cần.",
                     "en": "'{value}' is not in the form this field needs."},
    "new-need-one-of": {"vi": "Phần này cần ít nhất một trong các trường sau: {fields}.",
                        "en": "This part needs at least one of these fields: {fields}."},
    "new-need-something": {"vi": "Phần này cần ít nhất một thông tin.",
                           "en": "This part needs at least one piece of information."},
    "new-unknown-procedure": {"vi": "Thủ tục '{value}' không có trong lược đồ hồ sơ.",
                              "en": "The procedure '{value}' is not in the case schema."},
    "new-exists": {
        "vi": "{path} đã có và không phải một hồ sơ đang điền dở bằng checker new; dùng "
        "--resume để hỏi tiếp những gì còn thiếu (giữ mọi giá trị đã có), hoặc chọn tên tệp "
        "khác.",
        "en": "{path} exists and is not a case left unfinished by checker new; use --resume "
        "to be asked for what is missing (keeping every value it has), or choose another "
        "file name.",
    },
    "new-not-a-case": {
        "vi": "{path} không đọc được thành một hồ sơ: {reason}",
        "en": "{path} cannot be read as a case: {reason}",
    },
    "new-not-json": {"vi": "tệp không phải JSON hợp lệ (dòng {line}, cột {column}).",
                     "en": "the file is not valid JSON (line {line}, column {column})."},
    "new-not-utf8": {"vi": "tệp không được mã hóa UTF-8.",
                     "en": "the file is not encoded in UTF-8."},
    "new-not-an-object": {"vi": "tệp không chứa một đối tượng JSON.",
                          "en": "the file does not hold a JSON object."},
    "new-resuming": {"vi": "Tiếp tục hồ sơ {path}; chỉ hỏi những gì còn thiếu.",
                     "en": "Resuming {path}; only what is missing is asked."},
    "new-saved-progress": {
        "vi": "Đã dừng; các câu trả lời đã lưu vào {path}. Chạy lại checker new {path} để "
        "tiếp tục.",
        "en": "Stopped; the answers so far are saved in {path}. Run checker new {path} again "
        "to go on.",
    },
    "new-nothing-saved": {"vi": "Đã dừng; chưa có câu trả lời nào nên không ghi tệp.",
                          "en": "Stopped; nothing was answered, so no file was written."},
    "new-written": {"vi": "Đã ghi hồ sơ {path}. Kết quả kiểm tra:",
                    "en": "The case is written to {path}. The check says:"},
}

TOML_TYPE_NAMES: dict[str, dict[Lang, str]] = {
    "str": {"vi": "một chuỗi", "en": "a string"},
    "int": {"vi": "một số nguyên", "en": "an integer"},
    "float": {"vi": "một số thực", "en": "a float"},
    "bool": {"vi": "một giá trị logic", "en": "a boolean"},
    "list": {"vi": "một mảng", "en": "an array"},
    "datetime": {"vi": "một ngày giờ", "en": "a date-time"},
    "date": {"vi": "một ngày", "en": "a date"},
    "time": {"vi": "một giờ", "en": "a time"},
}

CONFIDENCE_NAMES: dict[str, dict[Lang, str]] = {
    "high": {"vi": "cao", "en": "high"},
    "medium-high": {"vi": "khá cao", "en": "medium-high"},
    "medium": {"vi": "trung bình", "en": "medium"},
    "low": {"vi": "thấp", "en": "low"},
}

LAYER_NAMES: dict[str, dict[Lang, str]] = {
    "state": {"vi": "Nhà nước", "en": "state"},
    "party": {"vi": "Đảng", "en": "Party"},
}

# The date of a case that selects a regulation (rule packs' `selected_by`).
SELECTOR_NAMES: dict[str, dict[Lang, str]] = {
    "decision": {"vi": "quyết định", "en": "decision"},
    "process_start": {"vi": "bắt đầu quy trình", "en": "process start"},
    "planning_approval": {"vi": "phê duyệt quy hoạch", "en": "planning approval"},
    "acting_end": {"vi": "kết thúc giao quyền", "en": "end of acting"},
}

PROCEDURE_NAMES: dict[str, dict[Lang, str]] = {
    "appointment": {"vi": "bổ nhiệm", "en": "appointment"},
    "reappointment": {"vi": "bổ nhiệm lại", "en": "reappointment"},
    "extension": {"vi": "kéo dài thời gian giữ chức vụ", "en": "extension of tenure"},
    "acting": {"vi": "giao quyền cấp trưởng", "en": "acting head"},
    # part S
    "suspension": {"vi": "tạm đình chỉ công tác", "en": "suspension"},
    # issue 14, D (dismissal)
    "dismissal": {"vi": "miễn nhiệm", "en": "dismissal"},
    # Part R of issue 14: the resignation family.
    "resignation": {"vi": "từ chức", "en": "resignation"},
    "relief": {"vi": "cho thôi giữ chức vụ", "en": "relief from the post"},
    # issue 14, LC (rotation)
    "rotation": {"vi": "luân chuyển", "en": "rotation"},
    # issue 14, transfer
    "transfer": {"vi": "điều động", "en": "transfer"},
}


def t(key: str, lang: Lang, **values: object) -> str:
    return MESSAGES[key][lang].format(**values)

STEP_NAMES: dict[str, dict[Lang, str]] = {
    "leadership_1": {"vi": "bước 1 (hội nghị tập thể lãnh đạo lần 1)",
                     "en": "step 1 (first leadership meeting)"},
    "leadership_extended": {"vi": "bước 2 (hội nghị tập thể lãnh đạo mở rộng)",
                            "en": "step 2 (extended leadership meeting)"},
    "leadership_2": {"vi": "bước 3 (hội nghị tập thể lãnh đạo lần 2)",
                     "en": "step 3 (second leadership meeting)"},
    "key_officials": {"vi": "bước 4 (hội nghị cán bộ chủ chốt)",
                      "en": "step 4 (key officials' meeting)"},
    "leadership_3": {"vi": "bước 5 (hội nghị tập thể lãnh đạo lần 3)",
                     "en": "step 5 (third leadership meeting)"},
    "receiving_unit_consultation": {
        "vi": "bước 1 (trao đổi với tập thể lãnh đạo nơi dự kiến bổ nhiệm)",
        "en": "step 1 (consulting the leadership of the receiving unit)"},
    "sending_unit_consultation": {
        "vi": "bước 2 (trao đổi, lấy phiếu tại nơi nhân sự đang công tác)",
        "en": "step 2 (consultation and ballot where the candidate works)"},
    "appraisal_submission": {"vi": "bước 3 (thẩm định và trình cấp có thẩm quyền)",
                             "en": "step 3 (appraisal and submission)"},
    "self_assessment": {"vi": "báo cáo tự nhận xét, đánh giá",
                        "en": "the self-assessment report"},
    "head_proposal": {"vi": "đánh giá, đề xuất của người đứng đầu",
                      "en": "the head's evaluation and proposal"},
    "leadership_vote": {"vi": "hội nghị tập thể lãnh đạo biểu quyết",
                        "en": "the leadership's vote"},
}

# In a reappointment or extension the key officials' meeting is not "step 4".
STEP_NAMES_OUTSIDE_APPOINTMENT: dict[str, dict[Lang, str]] = {
    "key_officials": {"vi": "hội nghị cán bộ chủ chốt", "en": "the key officials' meeting"},
}

FORM_NAMES: dict[str, dict[Lang, str]] = {
    "reprimand": {"vi": "khiển trách", "en": "reprimand"},
    "warning": {"vi": "cảnh cáo", "en": "warning"},
    "demotion": {"vi": "giáng chức", "en": "demotion"},
    "removal": {"vi": "cách chức", "en": "removal from office"},
    "dismissal": {"vi": "buộc thôi việc", "en": "dismissal"},
    "expulsion": {"vi": "khai trừ", "en": "expulsion"},
    "discipline_or_prosecution": {"vi": "đang trong thời hạn xử lý kỷ luật hoặc bị điều tra, "
                                        "truy tố, xét xử",
                                  "en": "within a disciplinary period or under prosecution"},
    "abroad_3_months": {"vi": "đang được cử đi học tập, công tác ở nước ngoài từ 03 tháng "
                              "trở lên",
                        "en": "sent abroad for study or work for 3 months or more"},
    "inpatient_3_months": {"vi": "đang điều trị nội trú từ 03 tháng trở lên",
                           "en": "in inpatient treatment for 3 months or more"},
    "maternity_leave": {"vi": "đang nghỉ chế độ thai sản", "en": "on maternity leave"},
    "responsibility_inquiry": {
        "vi": "có thông tin trao đổi của cơ quan chức năng về trách nhiệm cá nhân nhưng chưa có "
              "kết luận chính thức",
        "en": "named by the authorities as possibly responsible in a pending matter without "
              "an official conclusion"},
    "denunciation": {"vi": "đang trong thời gian giải quyết tố cáo (đã có quyết định thành lập "
                           "đoàn giải quyết tố cáo)",
                     "en": "under a denunciation being resolved (a team has been set up)"},
    "discipline_complaint": {"vi": "đang trong thời gian giải quyết khiếu nại kỷ luật",
                             "en": "a disciplinary complaint is being resolved"},
    "inspection": {"vi": "đang bị kiểm tra khi có dấu hiệu vi phạm",
                   "en": "under inspection for signs of a violation"},
    "audit_recommendation": {"vi": "đang bị kiến nghị xử lý vi phạm theo kết luận thanh tra, "
                                   "kiểm toán",
                             "en": "subject to a recommendation to deal with a violation "
                                   "found by an inspection or audit"},
    "suspended": {"vi": "đang bị tạm đình chỉ công tác", "en": "suspended from work"},
    "detained": {"vi": "đang bị tạm giữ, tạm giam", "en": "in custody or temporary detention"},
    "banned_from_office": {"vi": "đang bị cấm đảm nhiệm chức vụ",
                           "en": "banned from holding office"},
    "excellent": {"vi": "hoàn thành xuất sắc nhiệm vụ", "en": "excellent"},
    "good": {"vi": "hoàn thành tốt nhiệm vụ", "en": "good"},
    "completed": {"vi": "hoàn thành nhiệm vụ", "en": "completed the tasks"},
    "not_completed": {"vi": "không hoàn thành nhiệm vụ", "en": "did not complete the tasks"},
}

DOSSIER_NAMES: dict[str, dict[Lang, str]] = {
    "submission": {"vi": "tờ trình về việc bổ nhiệm", "en": "the submission"},
    "minutes_and_tallies": {"vi": "biên bản hội nghị và kết quả kiểm phiếu các bước",
                            "en": "the minutes and ballot tallies of every step"},
    "curriculum_vitae": {"vi": "sơ yếu lý lịch", "en": "the curriculum vitae"},
    "self_review": {"vi": "bản tự kiểm điểm 03 năm công tác gần nhất",
                    "en": "the self-review of the last three years"},
    "evaluations": {"vi": "đánh giá, nhận xét của chi bộ, đảng ủy và tập thể lãnh đạo",
                    "en": "the evaluations by the party cell, party committee and leadership"},
    "residence_evaluation": {"vi": "nhận xét của chi ủy nơi cư trú",
                             "en": "the evaluation by the party cell where the person lives"},
    "political_standard_conclusion": {"vi": "kết luận về tiêu chuẩn chính trị",
                                      "en": "the conclusion on political standards"},
    "asset_declaration": {"vi": "bản kê khai tài sản, thu nhập",
                          "en": "the asset and income declaration"},
    "diplomas": {"vi": "bản sao văn bằng, chứng chỉ", "en": "copies of diplomas and certificates"},
    "health_certificate": {"vi": "giấy chứng nhận sức khỏe", "en": "the health certificate"},
    "photo": {"vi": "ảnh dán trên sơ yếu lý lịch", "en": "the photo on the CV"},
    "party_evaluation": {"vi": "đánh giá, nhận xét của chi bộ cơ sở hoặc đảng ủy nơi công tác",
                         "en": "the evaluation by the party cell or committee where the "
                               "person works"},
}

SEVERITY_NAMES: dict[str, dict[Lang, str]] = {
    "error": {"vi": "lỗi", "en": "error"},
    "warning": {"vi": "cảnh báo", "en": "warning"},
    "info": {"vi": "thông tin", "en": "info"},
}

# Shown in place of the severity of a waived finding.
WAIVED_NAME: dict[Lang, str] = {"vi": "miễn trừ", "en": "waived"}


# --- issue 12, point 3: one language per run (branch h12-lang) ----------------------------
# Counted nouns, dates and document names in the run's language; the CLI's own texts
# (click's errors and help) are in checker.clilang.

# English has a singular and a plural; Vietnamese nouns do not change with the number
# ("1 tệp", "3 tệp"), so one form serves.
NOUNS: dict[str, dict[Lang, tuple[str, str]]] = {
    "file": {"vi": ("tệp", "tệp"), "en": ("file", "files")},
    "error": {"vi": ("lỗi", "lỗi"), "en": ("error", "errors")},
    "warning": {"vi": ("cảnh báo", "cảnh báo"), "en": ("warning", "warnings")},
    "info": {"vi": ("thông tin", "thông tin"), "en": ("info message", "info messages")},
    "finding": {"vi": ("phát hiện", "phát hiện"), "en": ("finding", "findings")},
    "date": {"vi": ("ngày", "ngày"), "en": ("date", "dates")},
    "step": {"vi": ("bước", "bước"), "en": ("step", "steps")},
    "example": {"vi": ("hồ sơ ví dụ", "hồ sơ ví dụ"), "en": ("example", "examples")},
}


def count(n: int, noun: str, lang: Lang) -> str:
    """A number with its noun in the right form: "1 file", "3 files", "3 tệp"."""
    one, other = NOUNS[noun][lang]
    return f"{n} {one if n == 1 else other}"


def fmt_date(day: dt.date | str, lang: Lang) -> str:
    """A date as each language writes it: 27/07/2026 in Vietnamese (the form of the legal
    texts and of administrative documents), ISO 2026-07-27 in English (unambiguous where
    the day-month order differs). A string that is not an ISO date is returned as is."""
    if isinstance(day, str):
        try:
            when = dt.date.fromisoformat(day)
        except ValueError:
            return day
    else:
        when = day
    if lang == "vi":
        return f"{when.day:02d}/{when.month:02d}/{when.year:04d}"
    return when.isoformat()
# --- issue 12, point 4: the tool's own rule ids (checker.report.TOOL_RULES), for
# `checker explain ID`: a title and what the id means, in both languages.
TOOL_RULE_TEXT: dict[str, dict[str, dict[Lang, str]]] = {
    "INPUT": {
        "title": {"vi": "Tệp không đọc được như một hồ sơ",
                  "en": "The file cannot be read as a case"},
        "explain": {
            "vi": "Checker không đọc được tệp thành một hồ sơ JSON: tệp không tồn tại hoặc không "
            "có quyền đọc, không phải UTF-8, không phải JSON hợp lệ (có dòng và cột của chỗ "
            "sai), có khóa trùng, quá lớn, hoặc là một pipe hay thiết bị. Tệp đó chưa được "
            "kiểm tra theo quy định nào. Một thư mục gặp lại qua liên kết tượng trưng là một "
            "thông tin cùng mã này.",
            "en": "The checker cannot read the file as a JSON case: it does not exist or "
            "cannot be read, is not UTF-8, is not valid JSON (with the line and column of the "
            "fault), has a duplicate key, is too large, or is a pipe or device. The file has "
            "not been checked against any regulation. A folder met again through a symbolic "
            "link is an info finding with this id.",
        },
    },
    "SCHEMA": {
        "title": {"vi": "Hồ sơ không đúng lược đồ", "en": "The case does not match the schema"},
        "explain": {
            "vi": "Hồ sơ là JSON hợp lệ nhưng không đúng lược đồ hồ sơ "
            "(schemas/case.schema.json, in bằng lệnh `checker schema case`): thiếu trường bắt "
            "buộc, có trường không có trong lược đồ (kèm gợi ý tên gần nhất), sai kiểu, hoặc "
            "ngày không theo dạng YYYY-MM-DD. Hồ sơ như vậy chưa được kiểm tra theo quy định.",
            "en": "The case is valid JSON but does not match the case schema "
            "(schemas/case.schema.json, printed by `checker schema case`): a required field is "
            "missing, a field is not part of the schema (with the nearest known name), a "
            "value has the wrong type, or a date is not YYYY-MM-DD. Such a case has not been "
            "checked against the regulations.",
        },
    },
    "CONSISTENCY": {
        "title": {"vi": "Hồ sơ tự mâu thuẫn", "en": "The case contradicts itself"},
        "explain": {
            "vi": "Các ngày hoặc số liệu trong hồ sơ mâu thuẫn với nhau: người được bổ nhiệm "
            "sinh sau một việc của hồ sơ, số người có mặt nhiều hơn số được triệu tập, quyết "
            "định có ngày trước các bước. Đó gần như luôn là lỗi đánh máy; được kiểm tra theo "
            "mọi quy định và cả vào những ngày không có quy định nào được mã hóa.",
            "en": "Dates or counts of the case contradict each other: a candidate born after "
            "an act of the case, more people present than were summoned, a decision dated "
            "before its steps. They are almost always typing slips; checked under every "
            "regime, and on dates no regulation covers.",
        },
    },
    "COVERAGE": {
        "title": {"vi": "Phần chưa được kiểm tra", "en": "What has not been checked"},
        "explain": {
            "vi": "Một tầng (Đảng hoặc Nhà nước) của hồ sơ chưa được kiểm tra: không có quy "
            "định nào được mã hóa cho ngày hoặc loại việc của hồ sơ, hoặc quy định không có "
            "điều khoản chuyển tiếp. Đây là cảnh báo để việc không có phát hiện không bị hiểu "
            "là đã kiểm tra; ở mức thông tin khi quy định chỉ được mã hóa một phần và không có "
            "quy tắc nào áp dụng cho hồ sơ.",
            "en": "A layer (Party or state) of the case has not been checked: no regulation is "
            "encoded for the case's date or kind, or the regulation has no transitional "
            "provision. It is a warning, so that no findings is not read as checked; an info "
            "note when the regulation is encoded only in part and none of its rules fits the "
            "case.",
        },
    },
    "WAIVER": {
        "title": {"vi": "Miễn trừ không có hiệu lực", "en": "A waiver that waives nothing"},
        "explain": {
            "vi": "Một miễn trừ trong trường waivers của hồ sơ không miễn trừ được gì: mã quy "
            "tắc không có hoặc là mã riêng của checker, đã hết hạn, được cấp sau quyết định, "
            "do chính cơ quan bị phát hiện có sai sót phê duyệt, hoặc không khớp với phát hiện "
            "nào.",
            "en": "A waiver in the case's waivers waives nothing: its rule is unknown or one of "
            "the checker's own ids, it has expired, it was granted after the decision, it is "
            "approved by the very body the finding disputes, or it matches no finding.",
        },
    },
    "INTERNAL": {
        "title": {"vi": "Lỗi nội bộ của checker", "en": "An internal error of the checker"},
        "explain": {
            "vi": "Checker gặp lỗi của chính nó khi kiểm tra tệp này, nên tệp chưa được kiểm "
            "tra; các tệp khác vẫn được kiểm tra và lần chạy kết thúc với mã thoát 2. Mã này "
            "không thể bị bỏ qua. Xin báo lỗi kèm theo tệp (CHECKER_DEBUG=1 cho xem chi tiết).",
            "en": "The checker failed on this file (a bug), so it has not been checked; the "
            "other files are still checked, and the run exits 2. This id cannot be ignored. "
            "Please report it with the file (CHECKER_DEBUG=1 shows the details).",
        },
    },
}


# --- issue 13, points 3 and 4: the HTML report (branch html) ------------------------------
# The frame of `checker check --format html` (checker.reporters.html), in both languages;
# the findings' messages come from the packs as in every format.
HTML_TEXT: dict[str, dict[Lang, str]] = {
    "title": {"vi": "Báo cáo kiểm tra hồ sơ công tác cán bộ",
              "en": "Personnel case compliance report"},
    "generator": {"vi": "Tạo bởi checker {version}.", "en": "Made by checker {version}."},
    "summary-line": {"vi": "Đã kiểm tra {files}: {errors}, {warnings}, {infos}.",
                     "en": "Checked {files}: {errors}, {warnings}, {infos}."},
    "summary-waived": {"vi": "Có {waived} được miễn trừ, không tính là lỗi.",
                       "en": "{waived} waived, not counted."},
    "as-of": {"vi": "Thời hạn được xét vào ngày {date}.",
              "en": "Open deadlines are judged on {date}."},
    "col-file": {"vi": "Tệp", "en": "File"},
    "col-case": {"vi": "Hồ sơ", "en": "Case"},
    "col-procedure": {"vi": "Thủ tục", "en": "Procedure"},
    "col-errors": {"vi": "Lỗi", "en": "Errors"},
    "col-warnings": {"vi": "Cảnh báo", "en": "Warnings"},
    "col-infos": {"vi": "Thông tin", "en": "Info"},
    "col-date": {"vi": "Ngày", "en": "Date"},
    "col-item": {"vi": "Thành phần hồ sơ", "en": "Dossier item"},
    "col-status": {"vi": "Tình trạng", "en": "Status"},
    "subject": {"vi": "Người được xem xét: {name}", "en": "Person concerned: {name}"},
    "post": {"vi": "Chức vụ: {post} ({unit})", "en": "Post: {post} ({unit})"},
    "procedure": {"vi": "Thủ tục: {procedure}", "en": "Procedure: {procedure}"},
    "no-details": {"vi": "Không đọc lại được nội dung hồ sơ này (tệp không phải hồ sơ hợp lệ, "
                         "hoặc được đọc từ đầu vào chuẩn), nên báo cáo chỉ liệt kê các phát "
                         "hiện.",
                   "en": "The contents of this case cannot be read again (the file is not a "
                         "valid case, or it was read from standard input), so the report "
                         "lists only the findings."},
    "timeline": {"vi": "Dòng thời gian của thủ tục", "en": "The procedure's timeline"},
    "no-timeline": {"vi": "Hồ sơ không ghi ngày của bước nào.",
                    "en": "The case records no dated step."},
    "checklist": {"vi": "Danh mục hồ sơ", "en": "Dossier checklist"},
    "no-dossier": {"vi": "Thủ tục này không có danh mục hồ sơ để đối chiếu.",
                   "en": "This procedure has no dossier to check off."},
    "other": {"vi": "Các phát hiện khác", "en": "Other findings"},
    "clean": {"vi": "Không phát hiện vấn đề nào.", "en": "No problems found."},
    "applied": {"vi": "Quy định áp dụng", "en": "Regulations applied"},
    "consultation": {"vi": "Ý kiến bằng văn bản của {body}",
                     "en": "Written opinion of {body}"},
    "consulted-on": {"vi": "Đề nghị ngày {request}, trả lời ngày {answer}.",
                     "en": "Requested on {request}, answered on {answer}."},
    "answered-on": {"vi": "Trả lời ngày {answer}.", "en": "Answered on {answer}."},
    "requested-on": {"vi": "Đề nghị ngày {request}, chưa có văn bản trả lời.",
                     "en": "Requested on {request}; no written answer yet."},
    "deadline-met": {"vi": "{title}: hạn chót {due}, thực hiện ngày {actual}: đúng hạn.",
                     "en": "{title}: due by {due}, done on {actual}: in time."},
    "deadline-missed": {"vi": "{title}: hạn chót {due}, thực hiện ngày {actual}: quá hạn.",
                        "en": "{title}: due by {due}, done on {actual}: late."},
    "deadline-open": {"vi": "{title}: hạn chót {due}; hồ sơ chưa ghi ngày thực hiện.",
                      "en": "{title}: due by {due}; the case does not record it yet."},
    "deadline-overdue": {"vi": "{title}: hạn chót {due} đã qua mà hồ sơ chưa ghi ngày thực "
                               "hiện.",
                         "en": "{title}: due by {due}, passed, and the case does not record "
                               "it."},
    "deadline-undecided": {"vi": "{title}: hạn chót {due}, thực hiện ngày {actual}: chưa thể "
                                 "kết luận (xem phát hiện).",
                           "en": "{title}: due by {due}, done on {actual}: cannot be decided "
                                 "(see the finding)."},
    "present": {"vi": "Có mặt", "en": "Present"},
    "quorum-bar": {"vi": "{value} trên {total} người được triệu tập có mặt; cần ít nhất "
                         "{needed} ({ratio}).",
                   "en": "{value} of the {total} summoned present; at least {needed} "
                         "({ratio}) needed."},
    "quorum-bar-plain": {"vi": "{value} trên {total} người được triệu tập có mặt.",
                         "en": "{value} of the {total} summoned present."},
    "votes-bar": {"vi": "{value} phiếu trên {total} ({share}); cần trên {ratio}.",
                  "en": "Votes: {value} of {total} ({share}); over {ratio} needed."},
    "votes-bar-carry": {"vi": "{value} phiếu trên {total} ({share}); cần trên {ratio}, hoặc "
                              "từ {carry} trở lên để được giới thiệu tiếp.",
                        "en": "Votes: {value} of {total} ({share}); over {ratio} needed, or "
                              "{carry} or more to go on to the next step."},
    "share-bar": {"vi": "{value} trên {total} ({share}); ngưỡng của quy tắc: trên {ratio}.",
                  "en": "{value} of {total} ({share}); the rule's threshold: over {ratio}."},
    "share-bar-at-least": {"vi": "{value} trên {total} ({share}); ngưỡng của quy tắc: từ "
                                 "{ratio} trở lên.",
                           "en": "{value} of {total} ({share}); the rule's threshold: "
                                 "{ratio} or more."},
    "votes-bar-plain": {"vi": "{value} phiếu trên {total} ({share}).",
                        "en": "Votes: {value} of {total} ({share})."},
    "base-summoned": {"vi": "Số phiếu tính trên tổng số người được triệu tập.",
                      "en": "Votes counted against all those summoned."},
    "base-summoned_net": {"vi": "Số phiếu tính trên số người được triệu tập, trừ người vắng "
                                "mặt vì lý do bất khả kháng.",
                          "en": "Votes counted against those summoned, less those absent "
                                "for force majeure."},
    "base-present": {"vi": "Số phiếu tính trên số người có mặt.",
                     "en": "Votes counted against those present."},
    "base-leadership_members": {"vi": "Số phiếu tính trên tổng số thành viên tập thể lãnh "
                                      "đạo.",
                                "en": "Votes counted against all members of the "
                                      "leadership."},
    "status-present": {"vi": "có", "en": "present"},
    "status-missing": {"vi": "thiếu", "en": "missing"},
    "status-too_old": {"vi": "quá hạn (cấp quá lâu)", "en": "too old"},
    "status-problem": {"vi": "có vấn đề", "en": "has a problem"},
    "status-elsewhere": {"vi": "có (ghi ở phần khác của hồ sơ)",
                         "en": "present (recorded elsewhere in the case)"},
    "status-absent": {"vi": "không có (không bắt buộc theo các quy tắc đã áp dụng)",
                      "en": "not in the file (no rule applied requires it)"},
    "mark-error": {"vi": "lỗi", "en": "error"},
    "mark-warning": {"vi": "cảnh báo", "en": "warning"},
    "mark-info": {"vi": "thông tin", "en": "info"},
    "mark-open": {"vi": "chưa kết luận", "en": "open"},
    "mark-ok": {"vi": "đạt", "en": "in order"},
    "cites": {"vi": "Căn cứ", "en": "Legal basis"},
    "no-quote": {"vi": "Bộ quy tắc không trích nguyên văn điều khoản này.",
                 "en": "The rule pack does not quote this provision verbatim."},
    "waived": {"vi": "miễn trừ", "en": "waived"},
    "where": {"vi": "Vị trí: {pointer} (dòng {line}, cột {column})",
              "en": "Where: {pointer} (line {line}, column {column})"},
    "case-counts": {"vi": "Kết quả: {errors}, {warnings}, {infos}.",
                    "en": "Result: {errors}, {warnings}, {infos}."},
    "where-plain": {"vi": "Vị trí: {pointer}", "en": "Where: {pointer}"},
    "whole-file": {"vi": "toàn bộ tệp", "en": "the whole file"},
}


def html_text(key: str, lang: Lang, **values: object) -> str:
    return HTML_TEXT[key][lang].format(**values)


# The events of a procedure's timeline, by the pointer of their date (indices as *), where
# the schema's description of the field is not a name; the others are named from it.
HTML_EVENT_NAMES: dict[str, dict[Lang, str]] = {
    "/policy/request/date": {"vi": "Văn bản xin chủ trương",
                             "en": "Request for the policy decision"},
    "/policy/approval/date": {"vi": "Văn bản đồng ý chủ trương",
                              "en": "The policy decision"},
    "/notice/date": {"vi": "Thông báo thực hiện quy trình",
                     "en": "Notice launching the procedure"},
    "/political_standard_conclusion/document/date": {
        "vi": "Kết luận về tiêu chuẩn chính trị", "en": "Conclusion on political standards"},
    "/dossier/submitted_on": {"vi": "Nộp hồ sơ", "en": "Dossier submitted"},
    "/acting/arrangement/date": {"vi": "Văn bản giao quyền", "en": "The acting arrangement"},
    "/acting/ended_on": {"vi": "Kết thúc giao quyền", "en": "End of the acting arrangement"},
    "/decision/document/date": {"vi": "Quyết định của cấp có thẩm quyền",
                                "en": "The competent body's decision"},
    "/proposal/document/date": {"vi": "Văn bản đề xuất", "en": "The proposal"},
    "/proposal/received_on": {"vi": "Nhận văn bản đề xuất", "en": "The proposal received"},
    "/resignation_letter/date": {"vi": "Đơn từ chức", "en": "The resignation letter"},
    "/resignation_letter/received_on": {"vi": "Nhận đơn từ chức",
                                        "en": "The resignation letter received"},
    "/ground/established_on": {"vi": "Xác định căn cứ tạm đình chỉ",
                               "en": "The ground for suspension established"},
    "/ground/request/received_on": {"vi": "Nhận văn bản đề nghị tạm đình chỉ",
                                    "en": "The request for suspension received"},
}
