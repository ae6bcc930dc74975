"""Error codes, their exit statuses and the one code → Chinese message table (CLI and GUI)."""

from __future__ import annotations

import errno
import os

# code: (exit status, Chinese message template with {named} placeholders)
# Exit statuses follow docs/cli.md: 2 usage/input, 3 auth/role, 4 state of the data.
MESSAGES: dict[str, tuple[int, str]] = {
    # --- general / usage ---------------------------------------------------------------
    "USAGE": (2, "命令用法有误：{detail}。请用 --help 查看用法"),
    "INVALID_DATE": (2, "日期“{value}”无法识别，请按 YYYY-MM-DD 格式输入，例如 2026-05-20"),
    "INVALID_MONTH": (2, "月份“{value}”无法识别，请按 YYYY-MM 格式输入，例如 2026-05"),
    "INVALID_PERIOD": (2, "期次“{value}”无法识别，请按 YYYY-MM（按月）或 YYYYQn（按季，如 2026Q3）输入"),
    "INVALID_AMOUNT": (2, "金额“{value}”无法识别，请输入最多两位小数的元数，例如 100 或 100.50"),
    "INVALID_VALUE": (2, "{field}的值“{value}”无效：{detail}"),
    "DATE_OUT_OF_RANGE": (2, "日期“{value}”超出本程序可办理的范围（{first} 至 {last}），请核对年份"),
    "DATE_IN_FUTURE": (2, "日期 {date} 晚于今天（{today}），不能登记尚未发生的事项，请核对日期"),
    "TODAY_INVALID": (2, "环境变量 ELDERDESK_TODAY 的值“{value}”无效：应为 {first} 至 {last} 之间的日期（YYYY-MM-DD）。请改正或删除该变量"),
    "FIELD_REQUIRED": (2, "请填写{field}"),
    "FIELD_TOO_LONG": (2, "{field}太长（最多 {max} 个字），请缩短后重试"),
    "FIELD_BAD_CHARS": (2, "{field}含有不允许的控制字符或文字方向控制字符，请重新输入"),
    "FIELD_INVISIBLE": (2, "{field}只有看不见的字符（如零宽空格），请重新输入"),
    "FILE_NOT_FOUND": (2, "找不到文件“{path}”，请检查路径是否正确"),
    "FILE_UNREADABLE": (2, "无法读取文件“{path}”：{detail}。请确认文件未损坏且未被其他程序占用"),
    "FILE_EXISTS": (4, "文件“{path}”已存在，为避免覆盖请换一个文件名"),
    "DB_MISSING": (2, "数据库文件“{path}”不存在。请先运行 elderdesk init 建库，或用 --db 指定已有数据库"),
    "DB_EXISTS": (4, "数据库文件“{path}”已存在，不能重复初始化"),
    "DB_NOT_INITIALISED": (2, "“{path}”不是 ElderDesk 数据库或尚未初始化"),
    "DB_NEWER_SCHEMA": (4, "数据库版本（{found}）比本程序新（{known}），请升级 ElderDesk 后再打开"),
    "DB_CORRUPT": (2, "数据库文件已损坏（完整性检查未通过，详情已记入日志文件）。为防止进一步损坏，程序不会写入该文件。请管理员在程序的“系统 → 备份”中从备份恢复，或用命令 elderdesk backup restore 备份文件 恢复（备份文件在备份文件夹中，可用 elderdesk backup list 查看）"),
    "DB_BUSY": (4, "数据库正被其他操作占用，请稍后重试"),
    "DB_RESTORED": (4, "数据库已被管理员从备份恢复，刚才的操作没有保存。请重新登录（命令行请重新运行命令），核对数据后再办理"),
    "DB_RESTORING": (4, "数据库正在从备份恢复，刚才的操作没有保存。请等恢复完成后重新登录（命令行请重新运行命令）再办理"),
    # the state of the machine (cli.md): none of these is damage, none points to a restore
    "DISK_FULL": (4, "磁盘空间不足：“{path}”所在的磁盘（或U盘）已满，刚才的操作没有完成，已保存的数据不受影响。请删除该磁盘上不需要的文件、清空回收站，腾出空间后重试。数据库没有损坏，不要从备份恢复"),
    "DB_READ_ONLY": (4, "数据库文件“{path}”或它所在的文件夹不能写入（只读）：请检查该文件和文件夹的属性与权限（去掉“只读”，当前用户要有修改权限）；在U盘上的，请确认U盘的写保护开关没有打开。数据库没有损坏，不要从备份恢复"),
    "DB_LOCKED": (4, "数据库文件“{path}”正被另一个程序占用（已等待 {seconds} 秒）：请关闭同时打开这个文件的程序（如另一个 ElderDesk 窗口、正在复制或备份它的软件），然后重试。数据库没有损坏，不要从备份恢复"),
    "DB_IO_ERROR": (4, "读写数据库文件“{path}”时磁盘出错：请检查U盘或移动硬盘是否已拔出、连接是否松动，然后重试；如反复出现，请联系技术支持检查磁盘。这通常不是数据库损坏，请先不要从备份恢复"),
    # the office's PostgreSQL server (store/pg.py); {url} never shows the password
    "PG_URL_INVALID": (2, "服务器地址“{url}”无法识别：应为 postgresql://用户名@服务器地址:端口/数据库名，例如 postgresql://elderdesk@192.168.1.10:5432/elderdesk"),
    "PG_UNREACHABLE": (2, "连接不上单位数据库服务器（{url}）：请检查服务器电脑是否开机、PostgreSQL 服务是否在运行、网线或网络是否连通、地址和端口是否正确，然后重试。刚才的操作没有保存"),
    "PG_LOGIN_REFUSED": (2, "单位数据库服务器拒绝登录（{url}）：请检查数据库用户名和密码（密码可写在地址中、环境变量 PGPASSWORD 或 pgpass 文件中），或请管理员检查服务器的访问设置（pg_hba.conf）"),
    "PG_DB_MISSING": (2, "单位数据库服务器上没有这个数据库（{url}）：请检查地址中的数据库名，或请管理员先建库（CREATE DATABASE 数据库名 OWNER 用户名;）"),
    "PG_NOT_ELDERDESK": (4, "数据库（{url}）里已有其他程序的数据（如表 {tables}），ElderDesk 不会使用或改动它。请管理员为 ElderDesk 新建一个空数据库：CREATE DATABASE elderdesk OWNER 用户名;"),
    "PG_RIGHTS": (4, "数据库用户权限不足（{url}）。请数据库管理员执行：{sql}，然后重试"),
    "PG_COMMIT_UNKNOWN": (4, "保存时与单位数据库服务器（{url}）的连接断开了，无法确定刚才的操作是否已保存。请等服务器恢复后，先查看该人员的信息或操作日志，确认没有保存再重新办理，以免重复"),
    "PG_ALREADY_ELDERDESK": (4, "数据库（{url}）已经是 ElderDesk 数据库，不能重复初始化。各窗口直接连接它即可"),
    # server copy (store/pg_copy.py): {server}/{url} never show the password
    "DB_MOVED": (4, "本数据库文件已迁移到单位数据库服务器（{server}），现在只能查看、不能再办理业务（两处同时办理会发出重复的证号）。请用 --db {server} 连接服务器办理"),
    "COPY_TARGET_NOT_EMPTY": (4, "目标数据库（{url}）不是空的（已有 ElderDesk 数据），不会往里复制。请管理员新建一个空数据库：CREATE DATABASE 数据库名 OWNER 用户名;"),
    "COPY_MISMATCH": (4, "复制到服务器后核对不一致（{detail}），服务器上什么也没有保留，本机数据库文件未改动。请把日志文件发给技术支持"),
    "INTERNAL": (2, "程序内部错误：{detail}。请把日志文件发给技术支持"),
    # --- authentication and roles ------------------------------------------------------
    "AUTH_REQUIRED": (3, "此操作需要登录：请用 --user 指定用户名，并在 ELDERDESK_PASSWORD 中提供密码"),
    "AUTH_FAILED": (3, "用户名或密码错误，请重新输入"),
    "AUTH_LOCKED": (3, "密码错误次数过多，账户已锁定至 {until}，请稍后再试或请管理员重置密码"),
    "AUTH_DISABLED": (3, "用户“{user}”已停用，请联系管理员"),
    "ROLE_DENIED": (3, "用户“{user}”没有“{action}”的权限（需要角色：{roles}），请由有权限的人员操作"),
    "SEPARATION_OF_DUTIES": (3, "不能{action}自己经办或审核过的申请（{detail}），请由其他人员办理"),
    "PASSWORD_REQUIRED": (2, "请提供密码（ELDERDESK_PASSWORD 环境变量，或标准输入的第一行），密码不能为空"),
    "PASSWORD_TOO_SHORT": (2, "密码太短，至少需要 {min} 个字符"),
    "USER_EXISTS": (4, "用户“{user}”已存在，请换一个用户名"),
    "USER_NOT_FOUND": (4, "找不到用户“{user}”"),
    "ROLE_UNKNOWN": (2, "角色“{role}”不存在，可用角色：clerk（经办）、reviewer（审核）、approver（审批）、admin（管理员）"),
    # --- ID numbers --------------------------------------------------------------------
    "ID_MISSING": (2, "缺少身份证号，请填写 18 位身份证号"),
    "ID_NUMERIC_CELL": (2, "身份证号以数字格式存储，后几位已丢失，请将该列设为文本后重新录入"),
    "ID_FORMAT": (2, "身份证号“{id}”格式不对：应为 18 位（17 位数字加一位数字或 X）或 15 位数字，请核对"),
    "ID_BIRTHDATE": (2, "身份证号“{id}”中的出生日期 {detail} 不是有效日期或晚于今天，请核对"),
    "ID_CHECKSUM": (2, "身份证号“{id}”校验位错误（应为 {expected}），请逐位核对；确属证件本身问题的，请管理员填写原因后强制登记"),
    # --- people ------------------------------------------------------------------------
    "PERSON_NOT_FOUND": (4, "登记册中没有身份证号为 {id} 的人员，请先登记或核对号码"),
    "PERSON_EXISTS": (4, "身份证号 {id} 已登记（{name}），不能重复登记"),
    "PERSON_DECEASED": (4, "{name}（{id}）已于 {date} 登记死亡，不能办理此业务"),
    "PERSON_MOVED_OUT": (4, "{name}（{id}）已于 {date} 迁出，不能办理此业务"),
    "STALE_EDIT": (4, "{name}的信息已于 {time} 被他人修改（可能在另一个窗口登记了死亡、迁出或改了信息），本次修改没有保存，以免覆盖。请关闭此窗口，重新打开该人员核对后再修改"),
    "DATE_BEFORE_BIRTH": (2, "日期 {date} 早于出生日期 {birth}，请核对"),
    "SEX_MISMATCH": (2, "性别“{given}”与身份证号不符（身份证号显示为{expected}），请核对"),
    "OVERRIDE_NEEDS_ADMIN": (3, "身份证号校验位强制登记只能由管理员办理，并须填写原因"),
    # --- import findings (import-rules.md) ---------------------------------------------
    "SHEET_NOT_FOUND": (2, "工作簿中没有名为“{sheet}”的工作表（现有：{sheets}），请核对 --sheet"),
    "HEADER_NOT_FOUND": (2, "前 10 行中没有找到同时含“姓名”和“身份证号”列的表头，请检查工作表"),
    "NAME_MISSING": (1, "缺少姓名，请补填"),
    "DUPLICATE_IN_FILE": (1, "身份证号与第 {first_row} 行重复，请删除重复行"),
    "BIRTHDATE_MISMATCH": (1, "出生日期 {given} 与身份证号中的 {expected} 不一致，请核对（年龄以身份证为准）"),
    "BIRTHDATE_UNREADABLE": (1, "出生日期“{value}”无法识别，已按身份证号计算出生日期"),
    "ACCOUNT_NUMERIC_CELL": (1, "银行账号以数字格式存储，后几位已丢失，请将该列设为文本后重新录入"),
    "DECEASED_ON_RECORD": (1, "此人已登记死亡（{date}），不能导入"),
    "ID_15_CONVERTED": (1, "15 位身份证号已转换为 18 位：{new}"),
    "ALREADY_REGISTERED": (1, "此人已在登记册中，本行跳过，未覆盖原有信息"),
    "COLUMN_IGNORED": (1, "无法识别的列“{column}”，已忽略"),
    "TEXT_INVALID": (1, "{column}的内容不符合要求，本行未导入"),
    "TEXT_BAD_CHARS": (1, "{column}含有控制字符或文字方向控制字符，本行未导入，请删除这些字符后重新导入"),
    "TEXT_TOO_LONG": (1, "{column}太长（{length} 个字，最多 {max} 个字），本行未导入，请缩短后重新导入"),
    "TEXT_INVISIBLE": (1, "{column}只有看不见的字符（如零宽空格），本行未导入，请重新填写"),
    "FILE_TOO_LARGE": (2, "工作簿“{path}”超出导入限制：{detail}。未读取任何数据；请删除多余的行、列和过长的单元格，或把名册拆成几个文件后分别导入"),
    "NOT_REGISTERED": (1, "登记册中没有此人，请核对身份证号"),
    "NAME_DIFFERS": (1, "登记册中此身份证号的姓名为“{registered}”，与名单不符，未处理"),
    "DEATH_DATE_INVALID": (1, "死亡日期“{value}”无效（无法识别或早于出生日期），请核对"),
    "ALREADY_DECEASED": (1, "此人已登记死亡（{date}）"),
    "ALREADY_DECEASED_OTHER_DATE": (1, "此人已登记死亡，但日期为 {date}，与名单中的 {given} 不同，请核对"),
    # --- allowance (issue 3) -----------------------------------------------------------
    "POLICY_INVALID": (2, "政策文件有误（{where}）：{detail}。原政策保持不变，请改正后重新加载"),
    "POLICY_NOT_IN_FORCE": (4, "{date} 没有生效的高龄津贴政策，不能受理申请"),
    "APPLY_TOO_EARLY": (4, "申请过早：出生于 {birth}，{month} 年满 {age} 周岁，最早可于 {earliest} 起申请"),
    "APPLICATION_EXISTS": (4, "{name}（{id}）已有在办或已批准的高龄津贴申请，不能重复申请"),
    "NO_APPLICATION": (4, "{name}（{id}）没有高龄津贴申请记录"),
    "APPLICATION_STATE": (4, "{name}（{id}）的申请当前状态为“{state}”，不能{action}"),
    "APPROVAL_BEFORE_APPLICATION": (2, "审批日期 {date} 早于申请日期 {applied}，请核对"),
    "REVIEW_BEFORE_APPLICATION": (2, "审核日期 {date} 早于申请日期 {applied}，请核对"),
    "REASON_REQUIRED": (2, "请填写原因（命令行用 --reason）"),
    "STOP_REASON_UNKNOWN": (2, "停发原因“{reason}”无效，可选：voluntary、duplicate、disqualified、lost_contact、policy、other"),
    "LIFECERT_AFTER_DEATH": (4, "{name}（{id}）已登记于 {death} 死亡，不能登记其后日期 {date} 的生存认证"),
    "DEATH_BEFORE_LIFECERT": (0, "注意：已登记的生存认证日期 {cert} 晚于死亡日期 {date}，请核实；多发的津贴将在下期花名册中列为追回"),
    "NO_POLICY": (4, "尚未加载高龄津贴政策，请管理员先运行 elderdesk policy load"),
    "PERIOD_FORM": (2, "期次“{value}”与政策的发放周期不符（政策按{kind}发放，应写作 {example}）"),
    "PERIOD_IN_FUTURE": (4, "期次 {period} 从{first}开始，晚于本月（{month}），不能生成或冻结尚未开始的期次的花名册"),
    "PERIOD_NOT_AFTER_FROZEN": (4, "期次 {period} 不在最近已冻结的期次 {last} 之后，不能生成或冻结"),
    "ROSTER_NOT_FOUND": (4, "期次 {period} 没有花名册，请先生成（roster build）"),
    "ROSTER_NO_DRAFT": (4, "期次 {period} 没有草稿花名册，请先生成（roster build）"),
    "ROSTER_STALE": (4, "花名册草稿生成后数据已有变动（{change}），请重新生成后再冻结"),
    "ROSTER_FROZEN": (4, "期次 {period} 的花名册已冻结，不能再修改"),
    "ROSTER_NOT_FROZEN": (4, "期次 {period} 的花名册尚未冻结，银行文件只能从冻结的花名册导出"),
    "EXPORT_NOTHING": (2, "请至少指定 --xlsx 或 --pdf 之一"),
    "ACCOUNTS_MISSING": (1, "{n} 人没有有效的开户银行和银行账号（账号应为 12 到 30 位数字），本期不发放，也不列入银行文件{where}。请在人员信息中补录，或用 elderdesk people account 身份证号 --bank 开户银行 --account 账号 补录，之后生成的花名册将补发"),
    "RECOVERY_NOT_FOUND": (4, "{name}（{id}）在 {month} 没有未结清的追回款"),
    "ID_SAME": (2, "新旧身份证号相同，无需更正"),
    # --- cards (issue 4) ---------------------------------------------------------------
    "CARD_TOO_YOUNG": (4, "{name}（{id}）出生于 {birth}，未满 {min_age} 周岁，不能办理老年证；最早可于 {earliest} 起办理（生日当月前两个月起可提前登记）"),
    "CARD_NOT_LOCAL": (4, "{name}（{id}）为非本地户籍，且{detail}，不能办理老年证。请先登记有效期内的居住证"),
    "CARD_EXISTS": (4, "{name}（{id}）已持有有效的老年证（编号 {card_no}），不能重复发证；遗失、损坏、年满换证或信息更正请办理补换证（card reissue）"),
    "CARD_NONE": (4, "{name}（{id}）没有有效的老年证，请先发证（card issue）"),
    "CARD_UPGRADE_NOT_DUE": (4, "{name}（{id}）持有{type}，{date} 按年龄（{age} 周岁）应持{wanted}，不需要年满换证"),
    "CARD_REISSUE_REASON": (2, "补换证原因“{reason}”无效，可选：lost（遗失）、damaged（损坏）、upgrade（年满换证）、correction（信息更正）"),
    "CARD_NUMBERS_EXHAUSTED": (4, "{year} 年的老年证编号已用完（顺序号最大 {max}），请管理员增加编号位数（card.number_digits）"),
    "CARD_NUMBER_TAKEN": (4, "按现行编号规则生成的编号 {card_no} 已被使用过，编号不能重复使用，请管理员调整编号前缀"),
    "CARD_PICKED_UP": (4, "老年证 {card_no} 已于 {date} 登记领取，不能重复登记"),
    "CARD_AGENT_INCOMPLETE": (2, "代领须同时填写代领人姓名（--agent-name）和身份证号（--agent-id）"),
    "CARD_RULE_UNKNOWN": (2, "没有名为“{key}”的老年证规则，可设置：{keys}"),
    "CARD_RULE_INVALID": (2, "老年证规则 {key} 的值“{value}”无效：{detail}"),
    "CARD_NO_KEY": (4, "数据库中没有机构签名密钥，无法生成或核验老年证二维码，请重新初始化或从备份恢复"),
    "CARD_TEMPLATE_INVALID": (2, "套打模板“{path}”有误：{detail}"),
    "PHOTO_UNREADABLE": (2, "照片“{path}”无法使用：{detail}。请提供 JPEG 或 PNG 格式的照片"),
    "PHOTO_CROP_INVALID": (2, "照片裁剪框 {box} 无效：{detail}"),
    "CARD_DATA_CHANGED": (0, "注意：{name}（{id}）的姓名或身份证号在发证后已更改，老年证 {card_no} 的二维码仍是发证时的内容，请办理信息更正换证（card reissue --reason correction）"),
    "CARD_GLYPH_MISSING": (0, "注意：{name}（{id}）的“{chars}”没有可用字体，已打印为 〓，请在证上手工填写"),
    # --- safety (issue 5) --------------------------------------------------------------
    "BACKUP_WRONG_OFFICE": (
        4,
        "备份文件属于“{found}”（{region}），不是本机构（{expected}）的数据，已拒绝恢复",
    ),
    "BACKUP_NEWER_SCHEMA": (
        4,
        "备份文件的数据库版本（{found}）比本程序新（{known}），请先升级 ElderDesk",
    ),
    "BACKUP_INVALID": (2, "备份文件无效：{detail}。当前数据库未做任何改动"),
    "BACKUP_FOLDER_UNUSABLE": (2, "备份文件夹“{path}”无法使用：{detail}。请插入备份U盘，或由管理员另选备份文件夹（elderdesk backup folder）"),
    "PG_TOOLS_MISSING": (4, "备份或恢复单位服务器上的数据库需要 PostgreSQL {major} 或更新版本的客户端工具 {tool}（{detail}）。请安装 PostgreSQL 客户端工具（Windows：重新运行 ElderDesk 安装程序，或用 PostgreSQL 官方安装程序只装“Command Line Tools”；Debian/Ubuntu：apt-get install postgresql-client），然后重试。数据库未做任何改动"),
    "BACKUP_SAME_FILE": (2, "不能用正在使用的数据库文件本身来恢复，请选择备份文件"),
    "DEMO_NOT_EMPTY": (4, "登记册中已有人员，演示数据只能填入刚初始化、尚无人员的空登记册。请新建一个数据库（elderdesk init）后再生成演示数据"),
    # --- statistics and forms (issue 7) ------------------------------------------------
    "STATS_RANGE": (2, "统计月份范围 {first} 至 {last} 无效：起始月不能晚于截止月，且最多 {max} 个月"),
    "FORM_KIND_UNKNOWN": (2, "表格种类“{kind}”不存在，可选：{kinds}"),
    "FORM_NEEDS_ID": (2, "打印“{form}”需要指定人员的身份证号"),
    "FORM_NEEDS_MONTH": (2, "打印“{form}”需要指定{what}"),
    "FORM_DATE_RANGE": (2, "起止日期有误：{first} 晚于 {last}，请核对"),
    "FORM_NOT_STOPPED": (4, "{name}（{id}）的高龄津贴未停发（当前状态：{state}），没有停发表可打印"),
    "FORM_NO_RECOVERY": (4, "{name}（{id}）没有未结清的追回款，不需要追回通知书"),
    "FORM_NOTHING_OPEN": (4, "目前没有未结清的追回款，不需要追回通知书"),
    # --- access and audit viewer (issue 5, part B) ---------------------------------------
    "USER_LAST_ADMIN": (4, "“{user}”是最后一位启用的管理员，不能停用或取消其管理员角色；请先给另一位用户管理员角色"),
    "USER_SELF": (4, "不能{action}自己的账户，请由另一位管理员操作"),
    "PASSWORD_SAME": (2, "新密码不能与原密码相同，请换一个新密码"),
    "PASSWORD_TOO_LONG": (2, "密码太长，最多 {max} 个字符"),
    "PASSWORD_MISMATCH": (2, "两次输入的新密码不一致，请重新输入"),
    "SETTING_UNKNOWN": (2, "没有名为“{key}”的可修改设置，可修改：{keys}"),
    "SETTING_INVALID": (2, "设置“{label}”的值“{value}”无效：{detail}"),
    "AUDIT_KIND_UNKNOWN": (2, "审计记录类别“{kind}”不存在，可选：{kinds}"),
    "AUDIT_HEAD_INVALID": (2, "校验码“{value}”格式不对：应为 记录号-16 位（或 64 位）十六进制数，如花名册上印的 1234-89AB-CDEF-0123-4567，请逐位核对"),
    "FILE_UNWRITABLE": (2, "无法写入文件“{path}”：{detail}。请换一个文件夹或文件名"),
    "FILE_ERROR": (2, "文件操作失败（{path}）：{detail}。请检查文件夹、文件名长度和权限后重试"),
    # --- ID card reader (issue 16, devices.md) -------------------------------------------
    "READER_NOT_SET": (1, "本机没有设置身份证读卡器。请由管理员在“系统 → 读卡器”中选择读卡器，或用命令 elderdesk reader set 设置"),
    "READER_UNAVAILABLE": (1, "读卡器未连接或无法使用（{driver}：{detail}）。请检查读卡器的连接线、电源和驱动程序，或由管理员在“系统 → 读卡器”中重新设置"),
    "READER_CARD_INCOMPLETE": (1, "读卡结果不完整：{detail}。请把身份证平放在读卡器上不要移动，然后重新读卡"),
    "READER_CARD_INVALID": (1, "读到的身份证信息无法识别：{detail}。请重新读卡；仍不行的请手工录入"),
    "READER_CARD_EXPIRED": (0, "注意：这张身份证已于 {date} 过期，信息照常读取；请提醒持证人及时换领"),
    "READER_FIELD_MISMATCH": (0, "注意：身份证芯片中的{field}“{given}”与身份证号不符（身份证号显示为{expected}），请核对证件"),
    "READER_NO_PHOTO": (0, "注意：没有读到身份证照片（{detail}）"),
    "READER_ARG_INVALID": (2, "读卡器设置有误：{detail}"),
    "READER_NO_CARD": (0, "没有读到新的身份证（{detail}），请把身份证放在读卡器上"),
    "READER_WAIT_TIMEOUT": (1, "等了 {seconds} 秒没有读到身份证。请把身份证平放在读卡器上，再按“读卡”"),
    "READER_OTHER_PERSON": (1, "读到的是 {name}（{id}）的身份证，不是本次办理的 {expected}。请核对来人和证件"),
    "READER_NOT_REGISTERED": (0, "{name}（{id}）还没有登记，请由登记人员办理新增登记"),
    # --- fee receipts and online applications (issue 16) ---------------------------------
    "RECEIPT_NOT_FOUND": (4, "没有编号为 {no} 的收据，请核对编号"),
    "RECEIPT_VOID": (4, "收据 {no} 已作废（{reason}），不能重复作废"),
    "RECEIPT_OWN": (3, "不能作废自己开具的收据（{no}），请由其他审批人员办理"),
    "RECEIPT_NUMBERS_EXHAUSTED": (4, "{year} 年的收据编号已用完（最大 {max}），请联系技术支持"),
    "APPLIED_DATE_INVALID": (1, "申请日期“{value}”无效（无法识别、只有年月或早于出生日期），本行未导入，请核对"),
    "MOVED_OUT": (1, "此人已于 {date} 迁出，不能申请高龄津贴，本行未导入"),
    # street and district (issue 15, multi-office.md §2-6)
    "OFFICE_CODE_SET": (4, "本机构代码已设定为 {current}，机构代码设定后不能更改"),
    "OFFICE_IS_DISTRICT": (4, "本库是区级机构（{region}），没有街道编号；街道编号只能在街道的数据库中设定"),
    "OFFICE_NO_CODE": (4, "本机构尚未设定街道编号，不能交换数据；请管理员先执行 office code NNN（3 位街道编号）"),
    "OFFICE_EXISTS": (4, "机构 {office} 已登记（{name}），公钥不能更换"),
    "OFFICE_UNKNOWN": (4, "机构 {office} 未登记，请先用 office add 登记它的代码、名称和公钥"),
    "OFFICE_CODE_INVALID": (2, "机构代码“{value}”不对：{detail}"),
    "OFFICE_KEY_INVALID": (2, "公钥文件 {path} 不是 Ed25519 公钥（PEM）；请用对方 card pubkey 打印的公钥文件"),
    "OFFICE_NOT_STREET": (4, "只有区级机构为街道设定发放方式；本街道的设定是“{payment}”（由区里设定，随交换包送达）"),
    "OWNED_BY_OTHER": (4, "这条记录归{owner}所有，本机构只能查看不能修改（{what}），请到{owner}办理"),
    "EXCHANGE_NOT_EDX1": (2, "文件 {path} 不是交换包（第一行不是 EDX1 包头）"),
    "EXCHANGE_NEED_TO": (2, "区级机构导出交换包时必须用 --to 指定街道代码"),
    "EXCHANGE_BAD_SIGNATURE": (4, "交换包签名不符：包头被改动过，或不是机构 {sender} 签发的；未导入任何内容，请让对方重新导出"),
    "EXCHANGE_BAD_BODY": (4, "交换包内容与包头记录的校验值不符（内容被改动或不完整）；未导入任何内容，请让对方重新导出"),
    "EXCHANGE_OTHER_RECEIVER": (4, "这个交换包是发给机构 {receiver} 的，不是本机构（{own}）；未导入任何内容"),
    "EXCHANGE_UNKNOWN_SENDER": (4, "交换包来自未登记的机构 {sender}；请先用 office add 登记它的公钥；未导入任何内容"),
    "EXCHANGE_NOT_OWNER": (4, "交换包含有不归发送方 {sender} 所有的记录（{what}，属于 {owner}）；未导入任何内容"),
    "EXCHANGE_SEQ_REUSED": (4, "交换包序号 {seq} 已导入过，但内容不同；本机构收到的最后一个序号是 {last}，请让对方用 exchange export --since-seq {last} 重新导出"),
    "EXCHANGE_GAP": (4, "缺少交换包：第 {missing} 号还没有导入（本包为第 {first} 到 {seq} 号）；请先导入第 {missing} 号，或让对方用 --since-seq {last} 重新导出"),
    "DUP_OFFICE": (1, "身份证号 {id} 已由{other}登记，{office}又登记了同一人（疑似重复享受，应退尽退）：未合并，请两个街道核实"),
    "OFFICE_REQUIRED": (4, "身份证号 {id} 在{offices}都有在册登记（疑似重复），请用 --office 指定街道代码"),
    "OFFICE_NOT_HOLDER": (4, "机构 {office} 没有登记身份证号 {id}；登记此人的是{offices}"),
    "DUP_APPROVED": (4, "身份证号 {id} 在街道 {other} 的申请已批准，不能再批准街道 {office} 的申请（同一人只发一份，应退尽退）；请核实后对本申请作不予批准"),
    "EXCHANGE_FOREIGN_PERSON": (4, "交换包中的{what}含有不是本街道登记的人员（{person}）；未导入任何内容"),
    "DISTRICT_PAYS": (4, "高龄津贴由区里（{district}）统一发放，本街道不能{action}：花名册由区里冻结，随交换包送回本街道"),
    "DISTRICT_PAYS_PERIOD": (4, "高龄津贴由区里（{district}）统一发放，本街道只能为 {next} 编制草稿（核对本街道数据、打印），不能编制 {period}"),
    "EXCHANGE_BAD_PACKAGE": (4, "交换包内容格式不对（{detail}）；未导入任何内容"),
    "ALREADY_ENROLLED": (1, "此人已有在办或已批准的高龄津贴申请，本行未导入"),
    "TOO_EARLY": (1, "申请过早：申请日期 {date}，年满 {age} 周岁前两个月起方可申请，最早 {earliest}，本行未导入"),
    "TOO_EARLY_NO_POLICY": (1, "申请日期 {date} 没有生效的高龄津贴政策，本行未导入"),
    "ACCOUNT_DIFFERS": (1, "登记册中已有另一个银行账号（{account}），文件中为{given}：未更改，请核实后在人员信息中修改"),
    "ACCOUNT_INVALID": (1, "开户银行或银行账号不完整或无效（账号应为 12 到 30 位数字），未登记账号，申请照常导入"),
}


class ElderError(Exception):
    """A refusal with a stable code; the message comes from MESSAGES."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(f"{code}: {self.message}")

    @property
    def exit_status(self) -> int:
        return MESSAGES.get(self.code, (2, ""))[0]

    @property
    def message(self) -> str:
        return message_for(self.code, **self.params)


class _Lenient(dict):
    def __missing__(self, key: str) -> str:
        return "?"


_MAX_SHOWN = 120  # characters of one value quoted in a message


def _shown(value: object) -> object:
    """A value as quoted in a message: one line (control characters and broken Unicode shown as
    �), long values cut in the middle."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    text = "".join("\ufffd" if ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or 0xD800 <= ord(c) < 0xE000
                   or c in "\u2028\u2029" else c for c in value)
    if len(text) > _MAX_SHOWN:
        text = text[:80] + "…" + text[-30:]
    return text


def message_for(code: str, **params: object) -> str:
    """The Chinese sentence for a code; unknown placeholders show as '?' rather than failing."""
    entry = MESSAGES.get(code)
    if entry is None:
        return code
    return format_message(entry[1], **params)


def format_message(template: str, **params: object) -> str:
    """A message template (or its translation, ui/data_text.py) filled in like message_for."""
    return template.format_map(_Lenient({k: _shown(v) for k, v in params.items()}))


# Why a file operation failed, in Chinese, for the common causes (errno).
_OS_REASONS = {
    errno.ENOENT: "文件或文件夹不存在（U盘是否已拔出？）",
    errno.EACCES: "没有权限：文件夹只读、U盘写保护，或文件正被其他程序（如 Excel）打开",
    errno.EPERM: "没有权限：文件夹只读、U盘写保护，或文件正被其他程序（如 Excel）打开",
    errno.EROFS: "磁盘或U盘是只读的（写保护开关是否打开？）",
    errno.ENAMETOOLONG: "文件名或路径太长",
    errno.EISDIR: "这是一个文件夹，不是文件名",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EFBIG: "文件太大（FAT32 格式的U盘单个文件最大 4 GB）",
    errno.EIO: "磁盘读写出错（U盘是否已拔出？）",
    errno.EINVAL: "文件名无效（含有不允许的字符？）",
}


def os_reason(exc: OSError) -> str:
    """A file system error's cause in Chinese (the system's own text when it is a rare one)."""
    return _OS_REASONS.get(exc.errno or 0) or exc.strerror or type(exc).__name__


def output_error(exc: OSError, path: str | os.PathLike[str]) -> ElderError:
    """Writing the output file `path` failed: DISK_FULL naming the folder, FILE_EXISTS, or
    FILE_UNWRITABLE with the cause in Chinese."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        where = exc.filename if isinstance(exc.filename, str) and exc.filename else path
        return ElderError("DISK_FULL", path=os.path.dirname(os.path.abspath(where)))
    if exc.errno == errno.EEXIST:
        return ElderError("FILE_EXISTS", path=os.fspath(path))
    detail = "文件夹不存在（U盘是否已拔出？）" if exc.errno == errno.ENOENT else os_reason(exc)
    return ElderError("FILE_UNWRITABLE", path=os.fspath(path), detail=detail)


def file_error(exc: OSError) -> ElderError:
    """Any other file operation that failed: DISK_FULL naming the folder, else FILE_ERROR with
    the cause in Chinese."""
    name = exc.filename if isinstance(exc.filename, str) else ""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return ElderError("DISK_FULL",
                          path=os.path.dirname(os.path.abspath(name)) if name else os.getcwd())
    return ElderError("FILE_ERROR", path=name, detail=os_reason(exc))
