<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AllowancePage</name>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="78"/>
        <source>即将满80周岁</source>
        <translation>Turning 80</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="80"/>
        <source>本月起两个月内年满起始年龄、尚未申请的老人，可通知其前来申请。</source>
        <translation>Elders reaching the starting age within two months from this month who have not applied: they can be told to come and apply.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="83"/>
        <source>待审核</source>
        <translation>To review</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="84"/>
        <source>待审批</source>
        <translation>To approve</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="84"/>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="329"/>
        <source>审核意见</source>
        <translation>Review opinion</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="85"/>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="85"/>
        <source>退回原因</source>
        <translation>Reason for return</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="86"/>
        <source>享受中</source>
        <translation>Receiving</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="91"/>
        <source>生存认证</source>
        <translation>Proof of life</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="93"/>
        <source>认证有效期一个月内到期或已过期的享受人员；逾期未认证的月份暂停发放，认证后补发。</source>
        <translation>Recipients whose proof of life expires within a month or has expired; unproven months are suspended and paid after the proof.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="96"/>
        <source>政策</source>
        <translation>Policy</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="97"/>
        <source>显示完整身份证号</source>
        <translation>Show full ID numbers</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="99"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="101"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="130"/>
        <source>受理申请</source>
        <translation>Accept application</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="132"/>
        <source>按身份证号受理…</source>
        <translation>Accept by ID number…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="133"/>
        <source>重新受理</source>
        <translation>Accept again</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="137"/>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="326"/>
        <source>审核通过</source>
        <translation>Pass review</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="138"/>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="326"/>
        <source>审核退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="142"/>
        <source>导入网上申请…</source>
        <translation>Import online applications…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="146"/>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="344"/>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="147"/>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="344"/>
        <source>不予批准</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="151"/>
        <source>登记生存认证</source>
        <translation>Record proof of life</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="154"/>
        <source>停发</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="170"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="170"/>
        <source>生效月份</source>
        <translation>In force from</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="170"/>
        <source>年龄段</source>
        <translation>Age band</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="170"/>
        <source>每月金额（元）</source>
        <translation>Monthly amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="184"/>
        <source>政策文件原文</source>
        <translation>Policy file text</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="189"/>
        <source>加载政策文件…</source>
        <translation>Load policy file…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="206"/>
        <source>年满当月起发放</source>
        <translation>Paid from the month the age is reached</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="207"/>
        <source>年满次月起发放</source>
        <translation>Paid from the month after the age is reached</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="208"/>
        <source>自符合年龄条件之月起计发，迟申请的补发</source>
        <translation>Counted from the month of eligibility; late applications get arrears</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="209"/>
        <source>自申请当月起计发</source>
        <translation>Counted from the month of application</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="210"/>
        <source>自申请次月起计发</source>
        <translation>Counted from the month after the application</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="211"/>
        <source>最早补发到 {m}</source>
        <translation>arrears back to {m} at the earliest</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="212"/>
        <source>补发月份不设下限</source>
        <translation>no limit on arrears months</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="213"/>
        <source>死亡当月仍发放，次月起停发</source>
        <translation>paid for the month of death, stopped from the next month</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="214"/>
        <source>死亡当月起停发</source>
        <translation>stopped from the month of death</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="218"/>
        <source>发放规则：{start}；{backpay}，{floor}；{death}；{cert}；{period}。</source>
        <translation>Payment rules: {start}; {backpay}, {floor}; {death}; {cert}; {period}.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="226"/>
        <source>{a} 周岁以上</source>
        <translation>{a} years and over</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="227"/>
        <source>{a}–{b} 周岁</source>
        <translation>{a}–{b} years</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="272"/>
        <source>{band} 岁每月 {amount} 元</source>
        <translation>{band}: {amount} yuan a month</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="217"/>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="274"/>
        <source>按季发放</source>
        <translation>Paid quarterly</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="217"/>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="274"/>
        <source>按月发放</source>
        <translation>Paid monthly</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="215"/>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="275"/>
        <source>每 {n} 个月生存认证一次</source>
        <translation>Proof of life every {n} months</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="216"/>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="276"/>
        <source>不要求生存认证</source>
        <translation>No proof of life required</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="277"/>
        <source>现行政策（自 {since} 起）：{bands}；{period}；{cert}。</source>
        <translation>Policy in force (since {since}): {bands}; {period}; {cert}.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="330"/>
        <source>退回原因（必填）</source>
        <translation>Reason for return (required)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="345"/>
        <source>批准后自下一期花名册起发放（含应补发的月份）。</source>
        <translation>Once approved, payment starts with the next roster (including any back pay).</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="375"/>
        <source>选择政策文件</source>
        <translation>Choose policy file</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="375"/>
        <source>政策文件 (*.toml)</source>
        <translation>Policy files (*.toml)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="381"/>
        <source>正在加载……</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="387"/>
        <source>已加载政策文件：{path}</source>
        <translation>Policy file loaded: {path}</translation>
    </message>
</context>
<context>
    <name>ApplicationDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="45"/>
        <source>受理高龄津贴申请</source>
        <translation>Accept longevity allowance application</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="60"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="61"/>
        <source>身份证</source>
        <translation>ID card</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="62"/>
        <source>申请日期</source>
        <translation>Application date</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="63"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="63"/>
        <source>满龄月份</source>
        <translation>Month of reaching age</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="64"/>
        <source>最早可受理</source>
        <translation>Earliest acceptance</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="64"/>
        <source>津贴档次</source>
        <translation>Allowance band</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="65"/>
        <source>发放起始</source>
        <translation>Payment starts</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="65"/>
        <source>现有申请</source>
        <translation>Current application</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="69"/>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="124"/>
        <source>申请日期时高龄津贴政策尚未实施</source>
        <translation>The longevity allowance policy was not yet in force on the application date</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="129"/>
        <source>{y}年{m}月满 {age} 周岁</source>
        <translation>Reaches {age} in {y}-{m}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="135"/>
        <source>{band} 岁档，每月 {amount} 元</source>
        <translation>{band} band, {amount} yuan a month</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="139"/>
        <source>（申请日期 {d}）</source>
        <translation> (applied {d})</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="140"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="146"/>
        <source>{d}（所选日期早于此日，不能受理）</source>
        <translation>{d} (the chosen date is earlier: cannot accept)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="155"/>
        <source>{y}年{m}月起（经审核审批后）</source>
        <translation>From {y}-{m} (after review and approval)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="157"/>
        <source>；申请前的月份随花名册一并补发</source>
        <translation>; months before the application are paid with the roster</translation>
    </message>
</context>
<context>
    <name>ApplicationsTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="71"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="71"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="71"/>
        <source>出生日期</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="71"/>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="72"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="72"/>
        <source>受理日期</source>
        <translation>Accepted on</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="72"/>
        <source>受理人</source>
        <translation>Accepted by</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="73"/>
        <source>审核日期</source>
        <translation>Reviewed on</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="73"/>
        <source>审核人</source>
        <translation>Reviewed by</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="73"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="74"/>
        <source>审批日期</source>
        <translation>Approved on</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="74"/>
        <source>审批人</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="74"/>
        <source>月标准（元）</source>
        <translation>Monthly rate (yuan)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="75"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="75"/>
        <source>待核验本人</source>
        <translation>Identity to check</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="81"/>
        <source>登记街道</source>
        <translation>Registered by street</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="94"/>
        <source>网上</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="94"/>
        <source>窗口</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="95"/>
        <source>待核验</source>
        <translation>To check</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="102"/>
        <source>网上申请，尚未见到本人或代办人持身份证原件：请通知其到窗口核验（登记生存认证），之前的申请日期不算生存认证</source>
        <translation>Online application: the applicant or an agent has not yet shown the original ID card. Ask them to come to the counter to verify (record a proof of life); the application date does not count as proof of life</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="48"/>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="71"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="75"/>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="77"/>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="151"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="81"/>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="85"/>
        <source>显示完整身份证号</source>
        <translation>Show full ID numbers</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="87"/>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="89"/>
        <source>校验审计日志</source>
        <translation>Verify audit log</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="90"/>
        <source>重新计算每条记录的哈希链，发现程序外的修改</source>
        <translation>Recompute the hash chain of every record to find changes made outside the program</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="93"/>
        <source>人员</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="94"/>
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="95"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="96"/>
        <source>日期从</source>
        <translation>Date from</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="96"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="107"/>
        <source>选中一条记录，在这里查看每项变更（原值 → 新值）</source>
        <translation>Select a record to see each change here (old value → new value)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="144"/>
        <source>正在查询……</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="157"/>
        <source>，向下滚动显示更早的记录</source>
        <translation>; scroll down for earlier records</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="158"/>
        <source>已显示 {n} 条记录{more}</source>
        <translation>{n} records shown{more}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="159"/>
        <source>没有符合条件的审计记录</source>
        <translation>No matching audit records</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="177"/>
        <source>导出审计日志</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="178"/>
        <source>审计日志_{d}.xlsx</source>
        <translation>audit log_{d}.xlsx</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="179"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="184"/>
        <source>正在导出……</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="191"/>
        <source>已导出 {n} 条记录到 {path}</source>
        <translation>Exported {n} records to {path}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="198"/>
        <source>正在校验审计日志……</source>
        <translation>Verifying the audit log…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="205"/>
        <source>审计日志完整：共 {n} 条记录，哈希链无断点。</source>
        <translation>Audit log intact: {n} records, no break in the hash chain.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="210"/>
        <source>审计日志在第 {n} 条记录处断链：该记录或其之前的记录曾在程序外被修改。请保留现场并报告管理员，可从备份恢复核对。</source>
        <translation>The audit log chain breaks at record {n}: that record or an earlier one was changed outside the program. Leave everything as it is and tell the administrator; a backup can be restored to compare.</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/models/audit_models.py" line="39"/>
        <source>记录号</source>
        <translation>Record no.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/audit_models.py" line="39"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/audit_models.py" line="39"/>
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/audit_models.py" line="39"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/audit_models.py" line="40"/>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/audit_models.py" line="40"/>
        <source>变更内容</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/audit_models.py" line="97"/>
        <source>第 {id} 条&#x3000;{at}&#x3000;{op}&#x3000;{action}</source>
        <translation>Record {id}&#x3000;{at}&#x3000;{op}&#x3000;{action}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/audit_models.py" line="101"/>
        <source>（无字段变化）</source>
        <translation>(no field changed)</translation>
    </message>
</context>
<context>
    <name>BackupsTab</name>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="97"/>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="99"/>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="100"/>
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="101"/>
        <source>用表中选中的备份替换当前数据库</source>
        <translation>Replace the current database with the backup selected in the table</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="102"/>
        <source>从其他文件恢复…</source>
        <translation>Restore from another file…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="103"/>
        <source>选择其他位置（如另一个U盘）的备份文件</source>
        <translation>Choose a backup file elsewhere (for example on another USB stick)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="111"/>
        <source>备份文件夹：</source>
        <translation>Backup folder:</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="120"/>
        <source>每天第一次打开程序时自动备份一次；保留最近 7 天每天一份、4 周每周一份、12 个月每月一份。请把备份文件夹设在U盘上，并每周检查一次。</source>
        <translation>A backup is made automatically when the program is first opened each day; one per day is kept for the last 7 days, one per week for 4 weeks and one per month for 12 months. Please put the backup folder on a USB stick and check it every week.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="170"/>
        <source>备份文件夹中共有 {n} 份备份</source>
        <translation>{n} backups in the backup folder</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="171"/>
        <source>备份文件夹中还没有备份，请点“立即备份”</source>
        <translation>No backups in the backup folder yet: click “Back up now”</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="175"/>
        <source>选择备份文件夹（如U盘）</source>
        <translation>Choose the backup folder (for example a USB stick)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="184"/>
        <source>自动备份文件夹已设为 {folder}</source>
        <translation>Automatic backups now go to {folder}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="192"/>
        <source>正在备份……</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="198"/>
        <source>已备份到 {path}</source>
        <translation>Backed up to {path}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="213"/>
        <source>选择要恢复的备份文件</source>
        <translation>Choose the backup file to restore</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="214"/>
        <source>ElderDesk 备份 (*.db *.dump);;所有文件 (*)</source>
        <translation>ElderDesk backups (*.db *.dump);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="219"/>
        <source>（{when} 的数据）</source>
        <translation> (the data of {when})</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="221"/>
        <source>用备份文件
{file}{made}
替换当前数据库。

• 恢复前程序先检查这份备份是否完好、是否属于本机构；不通过则不做任何改动。
• 当前数据库会先另存一份（在 {folder} 中，文件名含 before-restore），需要时仍可找回。
• 备份之后登记或修改的信息不在恢复后的数据中，请恢复后补登。
• 恢复完成后程序回到登录界面，请重新登录。

确定恢复吗？</source>
        <translation>Replace the current database with the backup file
{file}{made}

• The program first checks that the backup is intact and belongs to this office; if not, nothing is changed.
• The current database is kept as a copy first (in {folder}, its file name contains before-restore), so it can still be recovered.
• What was registered or changed after the backup is not in the restored data: please enter it again afterwards.
• After the restore the program returns to the login screen: please log in again.

Restore now?</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="237"/>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="244"/>
        <source>还有操作正在进行（例如导入），请等它完成后再恢复。</source>
        <translation>Another operation (an import, for example) is still running: please wait until it has finished, then restore.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="250"/>
        <source>正在检查备份并恢复……</source>
        <translation>Checking the backup and restoring…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="262"/>
        <source>原数据库已另存为：
{kept}

</source>
        <translation>The previous database was kept as:
{kept}

</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/main_window.py" line="204"/>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="263"/>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="264"/>
        <source>已从备份恢复</source>
        <translation>Restored from the backup</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="265"/>
        <source>已从备份恢复。

{kept}程序将回到登录界面，请重新登录，并查几位最近登记的老人，确认数据正确。</source>
        <translation>Restored from the backup.

{kept}The program returns to the login screen. Please log in again and look up a few recently registered elders to check the data.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="272"/>
        <source>未能恢复</source>
        <translation>Not restored</translation>
    </message>
</context>
<context>
    <name>BackupsTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="46"/>
        <source>备份时间</source>
        <translation>Backed up at</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="46"/>
        <source>种类</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="46"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="46"/>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="47"/>
        <source>每日自动</source>
        <translation>Daily (automatic)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="47"/>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="48"/>
        <source>升级前</source>
        <translation>Before upgrade</translation>
    </message>
</context>
<context>
    <name>CalibrationDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="34"/>
        <source>（未指定打印机）</source>
        <translation>(no printer chosen)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="48"/>
        <source>套打校准</source>
        <translation>Preprinted calibration</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="53"/>
        <source>保存校准页PDF…</source>
        <translation>Save calibration page PDF…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="55"/>
        <source>打印校准页…</source>
        <translation>Print calibration page…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="63"/>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="64"/>
        <source>X 偏移（向右为正）</source>
        <translation>X offset (right is positive)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="65"/>
        <source>Y 偏移（向下为正）</source>
        <translation>Y offset (down is positive)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="66"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="67"/>
        <source>校准页</source>
        <translation>Calibration page</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="70"/>
        <source>套打（预印证本）时每台打印机的进纸位置略有不同。先按当前偏移打印校准页到空白证本，用直尺量刻度“20”到纸张左边缘和上边缘的距离：横向量得 20 + a 毫米，X 偏移减 a；纵向量得 20 + b 毫米，Y 偏移减 b。保存后重新打印校准页核对。</source>
        <translation>Each printer feeds preprinted booklets slightly differently. Print the calibration page with the current offsets onto a blank booklet, and measure with a ruler from the &quot;20&quot; mark to the left and top edges of the paper: if across is 20 + a mm, reduce X by a; if down is 20 + b mm, reduce Y by b. Save, then print the calibration page again to check.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="72"/>
        <source>保存偏移</source>
        <translation>Save offsets</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="81"/>
        <source> 毫米</source>
        <translation> mm</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="97"/>
        <source>X {x:+.1f} 毫米，Y {y:+.1f} 毫米</source>
        <translation>X {x:+.1f} mm, Y {y:+.1f} mm</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="106"/>
        <source>保存校准页</source>
        <translation>Save calibration page</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="106"/>
        <source>套打校准页.pdf</source>
        <translation>calibration page.pdf</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="107"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="113"/>
        <source>已保存校准页：{path}</source>
        <translation>Calibration page saved: {path}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="119"/>
        <source>校准页已送往打印机</source>
        <translation>Calibration page sent to the printer</translation>
    </message>
</context>
<context>
    <name>CardIssueDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="92"/>
        <source>发放老年证</source>
        <translation>Issue senior card</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="95"/>
        <source>发证</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="100"/>
        <source>{name}&#x3000;{id}&#x3000;{age} 岁</source>
        <translation>{name}&#x3000;{id}&#x3000;age {age}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="105"/>
        <source>选择照片… (Ctrl+O)</source>
        <translation>Choose photo… (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="113"/>
        <source>{name}（{id}）</source>
        <translation>{name} ({id})</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="116"/>
        <source>使用身份证照片</source>
        <translation>Use the ID card photo</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="135"/>
        <source>发证日期</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="136"/>
        <source>卡种</source>
        <translation>Card type</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="137"/>
        <source>工本费</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="142"/>
        <source>正在生成预览…</source>
        <translation>Rendering preview…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="143"/>
        <source>证面预览（样张）：编号和二维码在发证时生成</source>
        <translation>Card preview (sample): the number and QR code are made when the card is issued</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="174"/>
        <source>照片保存在数据库中。发证后请打印老年证，并在领取时登记领证。</source>
        <translation>The photo is stored in the database. After issuing, print the senior card and record its collection when it is picked up.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="178"/>
        <source>新照片：{name}。拖动黄框选取头像，拖动四角或滚轮调整大小。</source>
        <translation>New photo: {name}. Drag the yellow frame to pick the head; drag its corners or turn the wheel to resize.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="181"/>
        <source>未选择新照片：使用此人已存的照片。</source>
        <translation>No new photo chosen: the stored photo is used.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="183"/>
        <source>此人还没有照片：可以不用照片发证，证上留出照片框。</source>
        <translation>This person has no photo yet: the card can be issued without one, with an empty photo frame.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="197"/>
        <source>未到办证年龄</source>
        <translation>Not yet of card age</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="205"/>
        <source>{a}–{b} 周岁</source>
        <translation>{a}–{b} years</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="206"/>
        <source>{a} 周岁以上</source>
        <translation>{a} years and over</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="207"/>
        <source>{type}（{band}）</source>
        <translation>{type} ({band})</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="213"/>
        <source>{fee} 元（首次发证）</source>
        <translation>{fee} yuan (first issue)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="214"/>
        <source>免费（首次发证）</source>
        <translation>Free (first issue)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="221"/>
        <source>选择照片</source>
        <translation>Choose photo</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="221"/>
        <source>照片 (*.jpg *.jpeg *.png)</source>
        <translation>Photos (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="265"/>
        <source>身份证照片</source>
        <translation>ID card photo</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="296"/>
        <source>样张</source>
        <translation>Sample</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="308"/>
        <source>照片</source>
        <translation>Photo</translation>
    </message>
</context>
<context>
    <name>CardPrintBar</name>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="39"/>
        <source>整卡（空白卡）</source>
        <translation>Whole card (blank card)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="39"/>
        <source>套打（预印证本）</source>
        <translation>Preprinted (card booklet)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="40"/>
        <source>A4 整版（带裁切线）</source>
        <translation>Whole A4 sheet (with cut marks)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="46"/>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="47"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="49"/>
        <source>保存PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="50"/>
        <source>套打校准…</source>
        <translation>Preprinted calibration…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="53"/>
        <source>打印方式</source>
        <translation>Print mode</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="55"/>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="90"/>
        <source>老年证打印预览：{who}</source>
        <translation>Senior card print preview: {who}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="91"/>
        <source>打印预览：{who}</source>
        <translation>Print preview: {who}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="99"/>
        <source>已送往打印机：{who}，{pages} 页</source>
        <translation>Sent to the printer: {who}, {pages} pages</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="106"/>
        <source>保存老年证PDF</source>
        <translation>Save senior card PDF</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="107"/>
        <source>老年证_{who}.pdf</source>
        <translation>senior cards_{who}.pdf</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="108"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="114"/>
        <source>已保存 {path}：{cards} 张老年证，{pages} 页</source>
        <translation>Saved {path}: {cards} senior cards, {pages} pages</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="127"/>
        <source>已保存套打校准偏移：X {x:+.1f} 毫米，Y {y:+.1f} 毫米</source>
        <translation>Calibration offsets saved: X {x:+.1f} mm, Y {y:+.1f} mm</translation>
    </message>
</context>
<context>
    <name>CardReader</name>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_reader.py" line="121"/>
        <source>读卡 ({keys})</source>
        <translation>Read card ({keys})</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_reader.py" line="122"/>
        <source>读取放在读卡器上的第二代身份证（{keys}）</source>
        <translation>Read the ID card placed on the reader ({keys})</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_reader.py" line="129"/>
        <source>取消读卡</source>
        <translation>Stop reading</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_reader.py" line="168"/>
        <source>请把身份证放在读卡器上</source>
        <translation>Please place the ID card on the reader</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_reader.py" line="193"/>
        <source>已取消读卡</source>
        <translation>Reading cancelled</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_reader.py" line="216"/>
        <source>读取中</source>
        <translation>Reading</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_reader.py" line="216"/>
        <source>等待放卡</source>
        <translation>Waiting for a card</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_reader.py" line="216"/>
        <source>已读取</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_reader.py" line="217"/>
        <source>读卡器未连接</source>
        <translation>Reader not connected</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_reader.py" line="217"/>
        <source>读卡出错</source>
        <translation>Reading failed</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_reader.py" line="218"/>
        <source>未读到身份证</source>
        <translation>No card read</translation>
    </message>
</context>
<context>
    <name>CardSummary</name>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_summary.py" line="34"/>
        <source>{status}，未领取</source>
        <translation>{status}, not collected</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_summary.py" line="36"/>
        <source>{status}，{date} 由 {agent} 代领</source>
        <translation>{status}, collected on {date} by proxy {agent}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_summary.py" line="38"/>
        <source>{status}，{date} 本人领取</source>
        <translation>{status}, collected in person on {date}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_summary.py" line="42"/>
        <source>{status}（{date}{reason}）</source>
        <translation>{status} ({date}{reason})</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_summary.py" line="56"/>
        <source>老年证</source>
        <translation>Senior cards</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_summary.py" line="58"/>
        <source>办证… (Ctrl+K)</source>
        <translation>Card… (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_summary.py" line="65"/>
        <source>尚未办理老年证</source>
        <translation>No senior card yet</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_summary.py" line="70"/>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_summary.py" line="70"/>
        <source>卡种</source>
        <translation>Card type</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_summary.py" line="71"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_summary.py" line="71"/>
        <source>发证日期</source>
        <translation>Issue date</translation>
    </message>
</context>
<context>
    <name>CardsPage</name>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="80"/>
        <source>输入姓名、拼音首字母或身份证号的任意几位</source>
        <translation>Type a name, pinyin initials or any digits of the ID number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="84"/>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="162"/>
        <source>使用档案页所选</source>
        <translation>Use the one selected in Records</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="87"/>
        <source>显示完整身份证号</source>
        <translation>Show full ID numbers</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="90"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="109"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="111"/>
        <source>按住 Ctrl 或 Shift 可选择多张一起打印（A4 整版）</source>
        <translation>Hold Ctrl or Shift to select several cards to print together (whole A4 sheet)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="116"/>
        <source>近期发证</source>
        <translation>Recently issued</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="134"/>
        <source>查找（光标回到查找框）</source>
        <translation>Find (back to the search box)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="161"/>
        <source>使用档案页所选：{name}</source>
        <translation>Use the one selected in Records: {name}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="247"/>
        <source>已发放</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="252"/>
        <source>已补换</source>
        <translation>Replaced</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="259"/>
        <source>已登记领取：老年证 {no}（{name}）</source>
        <translation>Collection recorded: senior card {no} ({name})</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="266"/>
        <source>{verb}{type} {no}（{name}），工本费 {fee} 元。可以打印老年证。</source>
        <translation>{verb} {type} {no} ({name}), fee {fee} yuan. The senior card can be printed now.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="277"/>
        <source>打印收据</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="279"/>
        <source>保存收据PDF</source>
        <translation>Save receipt PDF</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="294"/>
        <source>已开具收费收据 {no}：{name}，{fee} 元</source>
        <translation>Receipt {no} issued: {name}, {fee} yuan</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="306"/>
        <source>收据 {no} 已送往打印机</source>
        <translation>Receipt {no} sent to the printer</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="313"/>
        <source>保存收费收据PDF</source>
        <translation>Save the fee receipt as PDF</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="314"/>
        <source>收据_{no}.pdf</source>
        <translation>receipt_{no}.pdf</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="315"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="320"/>
        <source>已保存收据 {no}：{path}</source>
        <translation>Receipt {no} saved: {path}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="334"/>
        <source>{n}张</source>
        <translation>{n} cards</translation>
    </message>
</context>
<context>
    <name>CardsTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/models/card_models.py" line="25"/>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/card_models.py" line="25"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/card_models.py" line="25"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/card_models.py" line="25"/>
        <source>卡种</source>
        <translation>Card type</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/card_models.py" line="26"/>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/card_models.py" line="26"/>
        <source>发证日期</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/card_models.py" line="26"/>
        <source>工本费</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/card_models.py" line="26"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/card_models.py" line="27"/>
        <source>领取</source>
        <translation>Collect</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/card_models.py" line="32"/>
        <source>（{date}）</source>
        <translation> ({date})</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/card_models.py" line="39"/>
        <source>未领取</source>
        <translation>Not collected</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/card_models.py" line="41"/>
        <source>{date} 代领：{agent}</source>
        <translation>{date} collected by proxy: {agent}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/card_models.py" line="43"/>
        <source>{date} 本人领取</source>
        <translation>{date} collected in person</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/compare_dialog.py" line="28"/>
        <source>与上期比较</source>
        <translation>Compare with previous period</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/compare_dialog.py" line="33"/>
        <source>{period} 与上期 {previous} 比较：</source>
        <translation>{period} compared with the previous period {previous}:</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/compare_dialog.py" line="36"/>
        <source>{period} 之前没有已冻结的花名册，全部作为新增：</source>
        <translation>No frozen roster before {period}: everyone is new:</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/compare_dialog.py" line="38"/>
        <source>新增 {new} 人，停发 {stopped} 人，档次变化 {band} 人，有补发 {arrears} 人，有追回 {recovery} 人。</source>
        <translation>{new} new, {stopped} stopped, {band} band changes, {arrears} with back pay, {recovery} with recoveries.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/compare_dialog.py" line="45"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ComparisonTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="212"/>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="212"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="212"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="212"/>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="213"/>
        <source>上期档次</source>
        <translation>Previous band</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="213"/>
        <source>本期档次</source>
        <translation>Band this period</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="213"/>
        <source>本期发放</source>
        <translation>Paid this period</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="214"/>
        <source>本期追回</source>
        <translation>Recovered this period</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="215"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="215"/>
        <source>停发</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="216"/>
        <source>档次变化</source>
        <translation>Band change</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="216"/>
        <source>有补发</source>
        <translation>With back pay</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="217"/>
        <source>有追回</source>
        <translation>With recovery</translation>
    </message>
</context>
<context>
    <name>Data</name>
    <message>
        <location filename="../../elderdesk/ui/data_text.py" line="36"/>
        <location filename="../../elderdesk/ui/i18n_data.py" line="217"/>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/data_text.py" line="40"/>
        <source>{year}年第{quarter}季度</source>
        <translation>Q{quarter} {year}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/data_text.py" line="42"/>
        <source>{year}年{month}月{day}日</source>
        <translation>{year}-{month}-{day}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/data_text.py" line="44"/>
        <source>{year}年{month}月</source>
        <translation>{year}-{month}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/data_text.py" line="53"/>
        <source>该申请由 {name} {role}</source>
        <translation>the application was {role} by {name}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/data_text.py" line="54"/>
        <source>{a}–{b}岁</source>
        <translation>{a}–{b}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/data_text.py" line="55"/>
        <source>{a}岁以下</source>
        <translation>under {a}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/data_text.py" line="56"/>
        <source>{a}岁及以上</source>
        <translation>{a} and over</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="214"/>
        <source>在册</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="215"/>
        <source>已故</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="216"/>
        <source>迁出</source>
        <translation>Moved out</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="218"/>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="219"/>
        <source>本地户籍</source>
        <translation>Local household</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="220"/>
        <source>非本地户籍</source>
        <translation>Non-local household</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="221"/>
        <source>蓝卡</source>
        <translation>Blue card</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="222"/>
        <source>红卡</source>
        <translation>Red card</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="223"/>
        <source>有效</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="224"/>
        <source>已换发</source>
        <translation>Replaced</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="225"/>
        <source>已注销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="226"/>
        <source>首次发证</source>
        <translation>First issue</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="227"/>
        <source>遗失</source>
        <translation>Lost</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="228"/>
        <source>损坏</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="229"/>
        <source>年满换证</source>
        <translation>Age upgrade</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="230"/>
        <source>信息更正</source>
        <translation>Correction</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="231"/>
        <source>已受理待审核</source>
        <translation>Accepted, to review</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="232"/>
        <source>审核退回</source>
        <translation>Returned by review</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="233"/>
        <source>已审核待审批</source>
        <translation>Reviewed, to approve</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="234"/>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="235"/>
        <source>审批不予批准</source>
        <translation>Not approved</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="236"/>
        <source>已撤销</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="237"/>
        <source>已停发</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="238"/>
        <source>窗口</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="239"/>
        <source>网上</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="240"/>
        <source>经办</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="241"/>
        <source>审核</source>
        <translation>reviewed</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="242"/>
        <source>审批</source>
        <translation>approve</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="243"/>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="244"/>
        <source>新增用户</source>
        <translation>add users</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="245"/>
        <source>管理用户</source>
        <translation>manage users</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="246"/>
        <source>修改津贴政策</source>
        <translation>change the allowance policy</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="247"/>
        <source>修改系统设置</source>
        <translation>change system settings</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="248"/>
        <source>查询人员</source>
        <translation>look people up</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="249"/>
        <source>登记人员</source>
        <translation>register people</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="250"/>
        <source>修改人员信息</source>
        <translation>change a person&apos;s details</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="251"/>
        <source>强制登记校验位错误的身份证号</source>
        <translation>register an ID number with a wrong check digit</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="252"/>
        <source>登记死亡</source>
        <translation>record deaths</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="253"/>
        <source>登记迁出</source>
        <translation>record moves</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="254"/>
        <source>更正身份证号</source>
        <translation>correct ID numbers</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="255"/>
        <source>导入人员名册</source>
        <translation>import registers</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="256"/>
        <source>导入死亡名单</source>
        <translation>import death lists</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="257"/>
        <source>登记生存认证</source>
        <translation>record proofs of life</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="258"/>
        <source>受理津贴申请</source>
        <translation>accept allowance applications</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="259"/>
        <source>审核津贴申请</source>
        <translation>review allowance applications</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="260"/>
        <source>审批津贴申请</source>
        <translation>approve allowance applications</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="261"/>
        <source>停发津贴</source>
        <translation>stop allowances</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="262"/>
        <source>生成花名册</source>
        <translation>build rosters</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="263"/>
        <source>查看花名册</source>
        <translation>view rosters</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="264"/>
        <source>冻结花名册</source>
        <translation>freeze rosters</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="265"/>
        <source>导出花名册</source>
        <translation>export rosters</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="266"/>
        <source>查看追回款</source>
        <translation>view recoveries</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="267"/>
        <source>登记追回款已退回</source>
        <translation>record repaid recoveries</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="268"/>
        <source>发放老年证</source>
        <translation>issue senior cards</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="269"/>
        <source>打印老年证</source>
        <translation>print senior cards</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="270"/>
        <source>登记老年证领取</source>
        <translation>record card pick-ups</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="271"/>
        <source>设置老年证打印校准</source>
        <translation>set the card print calibration</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="272"/>
        <source>备份数据库</source>
        <translation>back up the database</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="273"/>
        <source>恢复数据库</source>
        <translation>restore the database</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="274"/>
        <source>启动检查与每日自动备份</source>
        <translation>run the start-up check and daily backup</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="275"/>
        <source>校验审计日志</source>
        <translation>verify the audit log</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="276"/>
        <source>查看审计日志</source>
        <translation>view the audit log</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="277"/>
        <source>生成演示数据</source>
        <translation>make demo data</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="278"/>
        <source>查看统计</source>
        <translation>view statistics</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="279"/>
        <source>打印表格文书</source>
        <translation>print forms</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="280"/>
        <source>修改本人密码</source>
        <translation>change own password</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="281"/>
        <source>查看完整身份证号和银行账号</source>
        <translation>see full ID and account numbers</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="282"/>
        <source>设置读卡器</source>
        <translation>set up the card reader</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="283"/>
        <source>读取身份证</source>
        <translation>read ID cards</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="284"/>
        <source>查看收费收据和日结</source>
        <translation>view receipts and daily totals</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="285"/>
        <source>打印收费收据</source>
        <translation>print fee receipts</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="286"/>
        <source>作废收费收据</source>
        <translation>void fee receipts</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="287"/>
        <source>导入网上申请</source>
        <translation>import online applications</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="288"/>
        <source>街道导出导入交换包</source>
        <translation>export and import exchange packages (street)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="289"/>
        <source>区级导出导入交换包</source>
        <translation>export and import exchange packages (district)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="290"/>
        <source>迁移到单位数据库服务器</source>
        <translation>move to the office&apos;s database server</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="291"/>
        <source>周岁以上</source>
        <translation>years and over</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="292"/>
        <source>岁</source>
        <translation>years</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="293"/>
        <source>以上</source>
        <translation>and over</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="294"/>
        <source>人</source>
        <translation>people</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="295"/>
        <source>受理</source>
        <translation>accepted</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="296"/>
        <source>停发</source>
        <translation>stop</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="297"/>
        <source>停用</source>
        <translation>disable</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="298"/>
        <source>退回</source>
        <translation>return</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="299"/>
        <source>未填社区</source>
        <translation>No community</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="300"/>
        <source>年</source>
        <translation>year</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="301"/>
        <source>月</source>
        <translation>month</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="302"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="303"/>
        <source>在册人员按年龄段</source>
        <translation>Active people by age band</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="304"/>
        <source>年龄按身份证出生日期计算</source>
        <translation>Age from the birth date in the ID number, as of</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="305"/>
        <source>周岁</source>
        <translation>full years</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="306"/>
        <source>人员按社区</source>
        <translation>People by community</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="307"/>
        <source>80岁以上</source>
        <translation>80 and over</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="308"/>
        <source>在册且年满80周岁</source>
        <translation>active and aged 80 or more</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="309"/>
        <source>享受津贴</source>
        <translation>Receiving the allowance</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="310"/>
        <source>最近一次申请为“已批准”</source>
        <translation>latest application approved</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="311"/>
        <source>人员按状态</source>
        <translation>People by status</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="312"/>
        <source>高龄津贴申请状态</source>
        <translation>Allowance applications by status</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="313"/>
        <source>每人最近一次申请</source>
        <translation>each person&apos;s latest application</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="314"/>
        <source>高龄津贴按月份</source>
        <translation>Longevity allowance by month</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="315"/>
        <source>在享</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="316"/>
        <source>当月处于批准享受状态</source>
        <translation>approved and in force in the month</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="317"/>
        <source>发放金额按所属月份计</source>
        <translation>amounts counted in the month they are for</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="318"/>
        <source>来自已冻结花名册</source>
        <translation>from frozen rosters</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="319"/>
        <source>高龄津贴按月份和档次</source>
        <translation>Longevity allowance by month and band</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="320"/>
        <source>老年证发放按月份</source>
        <translation>Senior cards issued by month</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="321"/>
        <source>按发证日期统计</source>
        <translation>counted by date of issue</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="322"/>
        <source>领取按领取日期统计</source>
        <translation>pick-ups by date of pick-up</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="323"/>
        <source>生存认证有效期</source>
        <translation>Proof of life valid for</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="324"/>
        <source>个月</source>
        <translation>months</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="325"/>
        <source>统计月份</source>
        <translation>statistics month</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="326"/>
        <source>生存认证覆盖</source>
        <translation>Proof-of-life coverage</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="327"/>
        <source>年龄段</source>
        <translation>Age band</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="328"/>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="329"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="330"/>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="331"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="332"/>
        <source>在享人数</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="333"/>
        <source>已发人数</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="334"/>
        <source>正常发放</source>
        <translation>Regular</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="335"/>
        <source>补发</source>
        <translation>Arrears</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="336"/>
        <source>追回</source>
        <translation>Recovery</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="337"/>
        <source>实发净额</source>
        <translation>Net paid</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="338"/>
        <source>档次</source>
        <translation>Band</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="339"/>
        <source>月标准</source>
        <translation>Monthly rate</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="340"/>
        <source>发证合计</source>
        <translation>Cards in all</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="341"/>
        <source>补换证</source>
        <translation>Replacements</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="342"/>
        <source>工本费</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="343"/>
        <source>领取</source>
        <translation>Picked up</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="344"/>
        <source>现行政策不要求生存认证</source>
        <translation>The policy in force requires no proof of life</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="345"/>
        <source>尚未加载高龄津贴政策</source>
        <translation>No allowance policy loaded yet</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="346"/>
        <source>认证有效</source>
        <translation>Proof valid</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="347"/>
        <source>未认证或已过期</source>
        <translation>No proof or expired</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="348"/>
        <source>覆盖率</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="349"/>
        <source>各社区在册人数</source>
        <translation>Active people per community</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="350"/>
        <source>前20个</source>
        <translation>top 20</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="351"/>
        <source>在享与已发人数</source>
        <translation>Enrolled and paid</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="352"/>
        <source>各档次实发净额</source>
        <translation>Net paid per band</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="353"/>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="354"/>
        <source>老年证发放</source>
        <translation>Senior cards issued</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="355"/>
        <source>张</source>
        <translation>cards</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="356"/>
        <source>人员状态</source>
        <translation>Person status</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/decision_dialog.py" line="42"/>
        <source>必填，例如：材料不全，请补交户口簿复印件</source>
        <translation>Required, e.g.: documents incomplete, please bring a copy of the household register</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/decision_dialog.py" line="43"/>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/decision_dialog.py" line="46"/>
        <source>老人</source>
        <translation>Elder</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/decision_dialog.py" line="47"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/decision_dialog.py" line="49"/>
        <source>原因（必填）</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/decision_dialog.py" line="49"/>
        <source>意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/decision_dialog.py" line="55"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/decision_dialog.py" line="67"/>
        <source>请填写原因</source>
        <translation>Please give a reason</translation>
    </message>
</context>
<context>
    <name>DisplayTab</name>
    <message>
        <location filename="../../elderdesk/ui/pages/display_tab.py" line="21"/>
        <source>{label}（{points} 磅）</source>
        <translation>{label} ({points} pt)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/display_tab.py" line="28"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/display_tab.py" line="29"/>
        <source>字体大小</source>
        <translation>Font size</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/display_tab.py" line="32"/>
        <source>这些设置只保存在本机。字体大小立即生效；界面语言在下次启动程序时生效。出错提示目前只有中文。</source>
        <translation>These settings are saved on this PC only. The font size applies at once; the interface language at the next start. Error messages are in Chinese only for now.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/display_tab.py" line="42"/>
        <source>已保存：下次启动程序时生效。</source>
        <translation>Saved: takes effect at the next start.</translation>
    </message>
</context>
<context>
    <name>DuePeopleTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="121"/>
        <source>认证有效期至</source>
        <translation>Proof valid until</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="121"/>
        <source>满龄月份</source>
        <translation>Month of reaching age</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="122"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="122"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="122"/>
        <source>出生日期</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="122"/>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="123"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="127"/>
        <source>{y}年{m}月</source>
        <translation>{y}-{m}</translation>
    </message>
</context>
<context>
    <name>DuplicatesModel</name>
    <message>
        <location filename="../../elderdesk/ui/duplicates_page.py" line="36"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/duplicates_page.py" line="36"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/duplicates_page.py" line="36"/>
        <source>登记街道代码</source>
        <translation>Street code</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/duplicates_page.py" line="37"/>
        <source>登记街道</source>
        <translation>Registering street</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/duplicates_page.py" line="37"/>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/duplicates_page.py" line="37"/>
        <source>人员状态</source>
        <translation>Person status</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/duplicates_page.py" line="38"/>
        <source>申请状态</source>
        <translation>Application status</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/duplicates_page.py" line="38"/>
        <source>申请日期</source>
        <translation>Applied on</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/duplicates_page.py" line="38"/>
        <source>批准日期</source>
        <translation>Approved on</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/duplicates_page.py" line="39"/>
        <source>在册或在办</source>
        <translation>Active or pending</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/duplicates_page.py" line="55"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/duplicates_page.py" line="55"/>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <location filename="../../elderdesk/ui/duplicates_page.py" line="67"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/duplicates_page.py" line="69"/>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/duplicates_page.py" line="71"/>
        <location filename="../../elderdesk/ui/duplicates_page.py" line="102"/>
        <source>疑似重复 {n} 人</source>
        <translation>{n} suspected duplicates</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/duplicates_page.py" line="80"/>
        <source>同一身份证号在两个街道都在册，或都有在办、已批准的高龄津贴申请（疑似重复享受，应退尽退）。两处登记都保留，同一人只能批准一份。下表每行是一个街道的登记（见“登记街道”列）：办理时在“老人档案”或“高龄津贴”页的街道筛选中选定该街道，再打开此人那一行（例如对另一份申请不予批准）；核实后通知两个街道。</source>
        <translation>The same ID number is registered at two streets, or has open or approved longevity allowance applications at both (suspected double payment: recover what was paid twice). Both registrations are kept; only one of them can be approved. Each row below is one street&apos;s registration (see the Registered by street column): to act on it, choose that street in the street filter of the Records or Longevity allowance page and open that row of the person (for example to reject the other application); once checked, tell both streets.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/duplicates_page.py" line="109"/>
        <source>导出疑似重复名单</source>
        <translation>Export the suspected duplicates</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/duplicates_page.py" line="110"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/duplicates_page.py" line="115"/>
        <source>已导出 {n} 人到 {path}</source>
        <translation>Exported {n} people to {path}</translation>
    </message>
</context>
<context>
    <name>EndDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/end_dialog.py" line="29"/>
        <source>登记死亡</source>
        <translation>Record death</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/end_dialog.py" line="29"/>
        <source>登记迁出</source>
        <translation>Record move-out</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/end_dialog.py" line="32"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/end_dialog.py" line="33"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/end_dialog.py" line="34"/>
        <source>死亡日期</source>
        <translation>Date of death</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/end_dialog.py" line="34"/>
        <source>迁出日期</source>
        <translation>Move-out date</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/end_dialog.py" line="35"/>
        <source>登记后此人状态变为“已故”，高龄津贴按政策停发。此操作记入审计日志。</source>
        <translation>After recording, the person&apos;s status becomes &quot;deceased&quot; and the allowance stops according to the policy. This is written to the audit log.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/end_dialog.py" line="37"/>
        <source>登记后此人状态变为“迁出”，高龄津贴按政策停发。此操作记入审计日志。</source>
        <translation>After recording, the person&apos;s status becomes &quot;moved out&quot; and the allowance stops according to the policy. This is written to the audit log.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/end_dialog.py" line="38"/>
        <source>确认登记</source>
        <translation>Confirm</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="8"/>
        <source>命令用法有误：{detail}。请用 --help 查看用法</source>
        <translation>Wrong command usage: {detail}. See --help</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="9"/>
        <source>日期“{value}”无法识别，请按 YYYY-MM-DD 格式输入，例如 2026-05-20</source>
        <translation>The date &quot;{value}&quot; is not understood: enter it as YYYY-MM-DD, e.g. 2026-05-20</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="10"/>
        <source>月份“{value}”无法识别，请按 YYYY-MM 格式输入，例如 2026-05</source>
        <translation>The month &quot;{value}&quot; is not understood: enter it as YYYY-MM, e.g. 2026-05</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="11"/>
        <source>期次“{value}”无法识别，请按 YYYY-MM（按月）或 YYYYQn（按季，如 2026Q3）输入</source>
        <translation>The period &quot;{value}&quot; is not understood: enter YYYY-MM (monthly) or YYYYQn (quarterly, e.g. 2026Q3)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="12"/>
        <source>金额“{value}”无法识别，请输入最多两位小数的元数，例如 100 或 100.50</source>
        <translation>The amount &quot;{value}&quot; is not understood: enter yuan with at most two decimals, e.g. 100 or 100.50</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="13"/>
        <source>{field}的值“{value}”无效：{detail}</source>
        <translation>The value &quot;{value}&quot; of {field} is not valid: {detail}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="14"/>
        <source>日期“{value}”超出本程序可办理的范围（{first} 至 {last}），请核对年份</source>
        <translation>The date &quot;{value}&quot; is outside the range this program handles ({first} to {last}): check the year</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="15"/>
        <source>日期 {date} 晚于今天（{today}），不能登记尚未发生的事项，请核对日期</source>
        <translation>The date {date} is after today ({today}): events that have not happened cannot be recorded. Check the date</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="16"/>
        <source>环境变量 ELDERDESK_TODAY 的值“{value}”无效：应为 {first} 至 {last} 之间的日期（YYYY-MM-DD）。请改正或删除该变量</source>
        <translation>The environment variable ELDERDESK_TODAY has the invalid value &quot;{value}&quot;: it must be a date from {first} to {last} (YYYY-MM-DD). Correct or remove it</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="17"/>
        <source>请填写{field}</source>
        <translation>Please fill in {field}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="18"/>
        <source>{field}太长（最多 {max} 个字），请缩短后重试</source>
        <translation>{field} is too long (at most {max} characters): shorten it and try again</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="19"/>
        <source>{field}含有不允许的控制字符或文字方向控制字符，请重新输入</source>
        <translation>{field} contains control or text-direction characters that are not allowed: enter it again</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="20"/>
        <source>{field}只有看不见的字符（如零宽空格），请重新输入</source>
        <translation>{field} holds only invisible characters (such as zero-width spaces): enter it again</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="21"/>
        <source>找不到文件“{path}”，请检查路径是否正确</source>
        <translation>The file &quot;{path}&quot; was not found: check the path</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="22"/>
        <source>无法读取文件“{path}”：{detail}。请确认文件未损坏且未被其他程序占用</source>
        <translation>The file &quot;{path}&quot; cannot be read: {detail}. Make sure it is not damaged or open in another program</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="23"/>
        <source>文件“{path}”已存在，为避免覆盖请换一个文件名</source>
        <translation>The file &quot;{path}&quot; exists already: choose another name so that nothing is overwritten</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="24"/>
        <source>数据库文件“{path}”不存在。请先运行 elderdesk init 建库，或用 --db 指定已有数据库</source>
        <translation>The database file &quot;{path}&quot; does not exist. Run elderdesk init first, or name an existing database with --db</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="25"/>
        <source>数据库文件“{path}”已存在，不能重复初始化</source>
        <translation>The database file &quot;{path}&quot; exists already and cannot be initialised again</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="26"/>
        <source>“{path}”不是 ElderDesk 数据库或尚未初始化</source>
        <translation>&quot;{path}&quot; is not an ElderDesk database or is not initialised</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="27"/>
        <source>数据库版本（{found}）比本程序新（{known}），请升级 ElderDesk 后再打开</source>
        <translation>The database version ({found}) is newer than this program ({known}): upgrade ElderDesk to open it</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="28"/>
        <source>数据库文件已损坏（完整性检查未通过，详情已记入日志文件）。为防止进一步损坏，程序不会写入该文件。请管理员在程序的“系统 → 备份”中从备份恢复，或用命令 elderdesk backup restore 备份文件 恢复（备份文件在备份文件夹中，可用 elderdesk backup list 查看）</source>
        <translation>The database file is damaged (the integrity check failed; the details are in the log file). To prevent further damage the program does not write to it. An administrator restores it from a backup in System → Backups, or with the command elderdesk backup restore BACKUP-FILE (the backups are in the backup folder; elderdesk backup list shows them)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="29"/>
        <source>数据库正被其他操作占用，请稍后重试</source>
        <translation>The database is busy with another operation: try again in a moment</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="30"/>
        <source>数据库已被管理员从备份恢复，刚才的操作没有保存。请重新登录（命令行请重新运行命令），核对数据后再办理</source>
        <translation>An administrator restored the database from a backup; the last operation was not saved. Log in again (on the command line, run the command again) and check the data before continuing</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="31"/>
        <source>数据库正在从备份恢复，刚才的操作没有保存。请等恢复完成后重新登录（命令行请重新运行命令）再办理</source>
        <translation>The database is being restored from a backup; the last operation was not saved. Wait until the restore is done, then log in again (on the command line, run the command again)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="32"/>
        <source>磁盘空间不足：“{path}”所在的磁盘（或U盘）已满，刚才的操作没有完成，已保存的数据不受影响。请删除该磁盘上不需要的文件、清空回收站，腾出空间后重试。数据库没有损坏，不要从备份恢复</source>
        <translation>Disk full: the disk (or USB drive) of &quot;{path}&quot; is full. The last operation was not completed; saved data is not affected. Delete files you do not need on that disk and empty the recycle bin, then try again. The database is not damaged: do not restore from a backup</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="33"/>
        <source>数据库文件“{path}”或它所在的文件夹不能写入（只读）：请检查该文件和文件夹的属性与权限（去掉“只读”，当前用户要有修改权限）；在U盘上的，请确认U盘的写保护开关没有打开。数据库没有损坏，不要从备份恢复</source>
        <translation>The database file &quot;{path}&quot; or its folder cannot be written (read-only): check the properties and permissions of the file and folder (clear &quot;read-only&quot;; the current user needs the right to modify). On a USB drive, check that its write-protect switch is off. The database is not damaged: do not restore from a backup</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="34"/>
        <source>数据库文件“{path}”正被另一个程序占用（已等待 {seconds} 秒）：请关闭同时打开这个文件的程序（如另一个 ElderDesk 窗口、正在复制或备份它的软件），然后重试。数据库没有损坏，不要从备份恢复</source>
        <translation>The database file &quot;{path}&quot; is in use by another program (waited {seconds} seconds): close the program that has it open (another ElderDesk window, software copying or backing it up), then try again. The database is not damaged: do not restore from a backup</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="35"/>
        <source>读写数据库文件“{path}”时磁盘出错：请检查U盘或移动硬盘是否已拔出、连接是否松动，然后重试；如反复出现，请联系技术支持检查磁盘。这通常不是数据库损坏，请先不要从备份恢复</source>
        <translation>A disk error occurred reading or writing the database file &quot;{path}&quot;: check that the USB drive or external disk is plugged in firmly, then try again; if it happens again, ask technical support to check the disk. This is usually not a damaged database: do not restore from a backup yet</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="36"/>
        <source>服务器地址“{url}”无法识别：应为 postgresql://用户名@服务器地址:端口/数据库名，例如 postgresql://elderdesk@192.168.1.10:5432/elderdesk</source>
        <translation>The server address &quot;{url}&quot; is not understood: it should be postgresql://user@server:port/database, for example postgresql://elderdesk@192.168.1.10:5432/elderdesk</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="37"/>
        <source>连接不上单位数据库服务器（{url}）：请检查服务器电脑是否开机、PostgreSQL 服务是否在运行、网线或网络是否连通、地址和端口是否正确，然后重试。刚才的操作没有保存</source>
        <translation>Cannot connect to the office&apos;s database server ({url}): check that the server computer is on, the PostgreSQL service is running, the cable or network is connected and the address and port are right, then try again. The last action was not saved</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="38"/>
        <source>单位数据库服务器拒绝登录（{url}）：请检查数据库用户名和密码（密码可写在地址中、环境变量 PGPASSWORD 或 pgpass 文件中），或请管理员检查服务器的访问设置（pg_hba.conf）</source>
        <translation>The office&apos;s database server refused the login ({url}): check the database user name and password (the password may be in the address, the PGPASSWORD environment variable or a pgpass file), or ask the administrator to check the server&apos;s access settings (pg_hba.conf)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="39"/>
        <source>单位数据库服务器上没有这个数据库（{url}）：请检查地址中的数据库名，或请管理员先建库（CREATE DATABASE 数据库名 OWNER 用户名;）</source>
        <translation>The office&apos;s database server has no such database ({url}): check the database name in the address, or ask the administrator to create it first (CREATE DATABASE name OWNER user;)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="40"/>
        <source>数据库（{url}）里已有其他程序的数据（如表 {tables}），ElderDesk 不会使用或改动它。请管理员为 ElderDesk 新建一个空数据库：CREATE DATABASE elderdesk OWNER 用户名;</source>
        <translation>The database ({url}) already holds another program&apos;s data (for example the tables {tables}); ElderDesk will not use or change it. Ask the administrator to create an empty database for ElderDesk: CREATE DATABASE elderdesk OWNER user;</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="41"/>
        <source>数据库用户权限不足（{url}）。请数据库管理员执行：{sql}，然后重试</source>
        <translation>The database user lacks a permission ({url}). Ask the database administrator to run: {sql}, then try again</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="42"/>
        <source>保存时与单位数据库服务器（{url}）的连接断开了，无法确定刚才的操作是否已保存。请等服务器恢复后，先查看该人员的信息或操作日志，确认没有保存再重新办理，以免重复</source>
        <translation>The connection to the office&apos;s database server ({url}) broke while saving; it is not known whether the last action was saved. When the server is back, first look at the person&apos;s record or the audit log, and do it again only if it was not saved, so nothing is done twice</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="43"/>
        <source>数据库（{url}）已经是 ElderDesk 数据库，不能重复初始化。各窗口直接连接它即可</source>
        <translation>The database ({url}) is already an ElderDesk database and cannot be initialised again. Every workstation simply connects to it</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="44"/>
        <source>本数据库文件已迁移到单位数据库服务器（{server}），现在只能查看、不能再办理业务（两处同时办理会发出重复的证号）。请用 --db {server} 连接服务器办理</source>
        <translation>This database file was moved to the office&apos;s database server ({server}); it can now only be viewed, not worked in (working in two places would issue duplicate card numbers). Connect to the server with --db {server}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="45"/>
        <source>目标数据库（{url}）不是空的（已有 ElderDesk 数据），不会往里复制。请管理员新建一个空数据库：CREATE DATABASE 数据库名 OWNER 用户名;</source>
        <translation>The target database ({url}) is not empty (it holds ElderDesk data); nothing is copied into it. Ask the administrator to create an empty database: CREATE DATABASE name OWNER user;</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="46"/>
        <source>复制到服务器后核对不一致（{detail}），服务器上什么也没有保留，本机数据库文件未改动。请把日志文件发给技术支持</source>
        <translation>The check after copying to the server found a difference ({detail}); nothing was kept on the server and the local database file is unchanged. Please send the log file to technical support</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="47"/>
        <source>程序内部错误：{detail}。请把日志文件发给技术支持</source>
        <translation>Internal program error: {detail}. Please send the log file to technical support</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="48"/>
        <source>此操作需要登录：请用 --user 指定用户名，并在 ELDERDESK_PASSWORD 中提供密码</source>
        <translation>This operation needs a login: give the user name with --user and the password in ELDERDESK_PASSWORD</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="49"/>
        <source>用户名或密码错误，请重新输入</source>
        <translation>Wrong user name or password: please try again</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="50"/>
        <source>密码错误次数过多，账户已锁定至 {until}，请稍后再试或请管理员重置密码</source>
        <translation>Too many wrong passwords: the account is locked until {until}. Try again later or ask an administrator to reset the password</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="51"/>
        <source>用户“{user}”已停用，请联系管理员</source>
        <translation>The user &quot;{user}&quot; is disabled: contact an administrator</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="52"/>
        <source>用户“{user}”没有“{action}”的权限（需要角色：{roles}），请由有权限的人员操作</source>
        <translation>The user &quot;{user}&quot; may not &quot;{action}&quot; (role needed: {roles}): ask someone with that role</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="53"/>
        <source>不能{action}自己经办或审核过的申请（{detail}），请由其他人员办理</source>
        <translation>You cannot {action} an application you accepted or reviewed yourself ({detail}): another person must do it</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="54"/>
        <source>请提供密码（ELDERDESK_PASSWORD 环境变量，或标准输入的第一行），密码不能为空</source>
        <translation>Give the password (environment variable ELDERDESK_PASSWORD, or the first line of standard input); it cannot be empty</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="55"/>
        <source>密码太短，至少需要 {min} 个字符</source>
        <translation>The password is too short: at least {min} characters</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="56"/>
        <source>用户“{user}”已存在，请换一个用户名</source>
        <translation>The user &quot;{user}&quot; exists already: choose another user name</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="57"/>
        <source>找不到用户“{user}”</source>
        <translation>There is no user &quot;{user}&quot;</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="58"/>
        <source>角色“{role}”不存在，可用角色：clerk（经办）、reviewer（审核）、approver（审批）、admin（管理员）</source>
        <translation>There is no role &quot;{role}&quot;; roles: clerk, reviewer, approver, admin</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="59"/>
        <source>缺少身份证号，请填写 18 位身份证号</source>
        <translation>The ID number is missing: enter the 18-digit ID number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="60"/>
        <source>身份证号以数字格式存储，后几位已丢失，请将该列设为文本后重新录入</source>
        <translation>The ID number was stored as a number and its last digits are lost: format the column as text and enter it again</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="61"/>
        <source>身份证号“{id}”格式不对：应为 18 位（17 位数字加一位数字或 X）或 15 位数字，请核对</source>
        <translation>The ID number &quot;{id}&quot; has the wrong form: 18 characters (17 digits and a digit or X) or 15 digits. Please check</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="62"/>
        <source>身份证号“{id}”中的出生日期 {detail} 不是有效日期或晚于今天，请核对</source>
        <translation>The birth date {detail} in the ID number &quot;{id}&quot; is not a valid date or is after today: please check</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="63"/>
        <source>身份证号“{id}”校验位错误（应为 {expected}），请逐位核对；确属证件本身问题的，请管理员填写原因后强制登记</source>
        <translation>The check digit of the ID number &quot;{id}&quot; is wrong (it should be {expected}): check it digit by digit. If the ID card itself is wrong, an administrator can register it with a reason</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="64"/>
        <source>登记册中没有身份证号为 {id} 的人员，请先登记或核对号码</source>
        <translation>Nobody with the ID number {id} is registered: register the person first or check the number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="65"/>
        <source>身份证号 {id} 已登记（{name}），不能重复登记</source>
        <translation>The ID number {id} is registered already ({name}) and cannot be registered twice</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="66"/>
        <source>{name}（{id}）已于 {date} 登记死亡，不能办理此业务</source>
        <translation>{name} ({id}) was recorded deceased on {date}: this cannot be done</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="67"/>
        <source>{name}（{id}）已于 {date} 迁出，不能办理此业务</source>
        <translation>{name} ({id}) moved out on {date}: this cannot be done</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="68"/>
        <source>{name}的信息已于 {time} 被他人修改（可能在另一个窗口登记了死亡、迁出或改了信息），本次修改没有保存，以免覆盖。请关闭此窗口，重新打开该人员核对后再修改</source>
        <translation>{name}&apos;s record was changed by someone else at {time} (perhaps a death, a move or an edit at another counter). Your changes were not saved, so as not to overwrite it. Close this window, open the person again, check, then edit</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="69"/>
        <source>日期 {date} 早于出生日期 {birth}，请核对</source>
        <translation>The date {date} is before the birth date {birth}: please check</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="70"/>
        <source>性别“{given}”与身份证号不符（身份证号显示为{expected}），请核对</source>
        <translation>The sex &quot;{given}&quot; does not match the ID number (which says {expected}): please check</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="71"/>
        <source>身份证号校验位强制登记只能由管理员办理，并须填写原因</source>
        <translation>Only an administrator can register an ID number with a wrong check digit, and must give a reason</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="72"/>
        <source>工作簿中没有名为“{sheet}”的工作表（现有：{sheets}），请核对 --sheet</source>
        <translation>The workbook has no sheet &quot;{sheet}&quot; (it has: {sheets}): check --sheet</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="73"/>
        <source>前 10 行中没有找到同时含“姓名”和“身份证号”列的表头，请检查工作表</source>
        <translation>No header row with both a name and an ID number column in the first 10 rows: check the sheet</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="74"/>
        <source>缺少姓名，请补填</source>
        <translation>The name is missing: please fill it in</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="75"/>
        <source>身份证号与第 {first_row} 行重复，请删除重复行</source>
        <translation>The ID number repeats row {first_row}: delete the duplicate row</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="76"/>
        <source>出生日期 {given} 与身份证号中的 {expected} 不一致，请核对（年龄以身份证为准）</source>
        <translation>The birth date {given} differs from {expected} in the ID number: please check (the age follows the ID number)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="77"/>
        <source>出生日期“{value}”无法识别，已按身份证号计算出生日期</source>
        <translation>The birth date &quot;{value}&quot; is not understood: the birth date was taken from the ID number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="78"/>
        <source>银行账号以数字格式存储，后几位已丢失，请将该列设为文本后重新录入</source>
        <translation>The bank account was stored as a number and its last digits are lost: format the column as text and enter it again</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="79"/>
        <source>此人已登记死亡（{date}），不能导入</source>
        <translation>This person is recorded deceased ({date}) and cannot be imported</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="80"/>
        <source>15 位身份证号已转换为 18 位：{new}</source>
        <translation>The 15-digit ID number was converted to 18 digits: {new}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="81"/>
        <source>此人已在登记册中，本行跳过，未覆盖原有信息</source>
        <translation>This person is registered already: the row was skipped and nothing was overwritten</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="82"/>
        <source>无法识别的列“{column}”，已忽略</source>
        <translation>Unknown column &quot;{column}&quot; ignored</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="83"/>
        <source>{column}的内容不符合要求，本行未导入</source>
        <translation>The content of {column} is not acceptable: the row was not imported</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="84"/>
        <source>{column}含有控制字符或文字方向控制字符，本行未导入，请删除这些字符后重新导入</source>
        <translation>{column} contains control or text-direction characters: the row was not imported. Remove them and import again</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="85"/>
        <source>{column}太长（{length} 个字，最多 {max} 个字），本行未导入，请缩短后重新导入</source>
        <translation>{column} is too long ({length} characters, at most {max}): the row was not imported. Shorten it and import again</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="86"/>
        <source>{column}只有看不见的字符（如零宽空格），本行未导入，请重新填写</source>
        <translation>{column} holds only invisible characters (such as zero-width spaces): the row was not imported. Fill it in again</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="87"/>
        <source>工作簿“{path}”超出导入限制：{detail}。未读取任何数据；请删除多余的行、列和过长的单元格，或把名册拆成几个文件后分别导入</source>
        <translation>The workbook &quot;{path}&quot; exceeds the import limits: {detail}. Nothing was read; delete extra rows, columns and over-long cells, or split the register into several files and import them one by one</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="88"/>
        <source>登记册中没有此人，请核对身份证号</source>
        <translation>This person is not registered: check the ID number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="89"/>
        <source>登记册中此身份证号的姓名为“{registered}”，与名单不符，未处理</source>
        <translation>The register has the name &quot;{registered}&quot; for this ID number, which differs from the list: not processed</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="90"/>
        <source>死亡日期“{value}”无效（无法识别或早于出生日期），请核对</source>
        <translation>The date of death &quot;{value}&quot; is not valid (not understood or before the birth date): please check</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="91"/>
        <source>此人已登记死亡（{date}）</source>
        <translation>This person is recorded deceased already ({date})</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="92"/>
        <source>此人已登记死亡，但日期为 {date}，与名单中的 {given} 不同，请核对</source>
        <translation>This person is recorded deceased, but on {date}, not {given} as in the list: please check</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="93"/>
        <source>政策文件有误（{where}）：{detail}。原政策保持不变，请改正后重新加载</source>
        <translation>The policy file has an error ({where}): {detail}. The policy in force is unchanged; correct the file and load it again</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="94"/>
        <source>{date} 没有生效的高龄津贴政策，不能受理申请</source>
        <translation>No allowance policy is in force on {date}: applications cannot be accepted</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="95"/>
        <source>申请过早：出生于 {birth}，{month} 年满 {age} 周岁，最早可于 {earliest} 起申请</source>
        <translation>Too early: born {birth}, aged {age} in {month}; an application can be accepted from {earliest}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="96"/>
        <source>{name}（{id}）已有在办或已批准的高龄津贴申请，不能重复申请</source>
        <translation>{name} ({id}) already has an open or approved allowance application</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="97"/>
        <source>{name}（{id}）没有高龄津贴申请记录</source>
        <translation>{name} ({id}) has no allowance application</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="98"/>
        <source>{name}（{id}）的申请当前状态为“{state}”，不能{action}</source>
        <translation>The application of {name} ({id}) is &quot;{state}&quot;: it cannot {action}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="99"/>
        <source>审批日期 {date} 早于申请日期 {applied}，请核对</source>
        <translation>The approval date {date} is before the application date {applied}: please check</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="100"/>
        <source>审核日期 {date} 早于申请日期 {applied}，请核对</source>
        <translation>The review date {date} is before the application date {applied}: please check</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="101"/>
        <source>请填写原因（命令行用 --reason）</source>
        <translation>Please give a reason (on the command line: --reason)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="102"/>
        <source>停发原因“{reason}”无效，可选：voluntary、duplicate、disqualified、lost_contact、policy、other</source>
        <translation>The stop reason &quot;{reason}&quot; is not valid; choose: voluntary, duplicate, disqualified, lost_contact, policy, other</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="103"/>
        <source>{name}（{id}）已登记于 {death} 死亡，不能登记其后日期 {date} 的生存认证</source>
        <translation>{name} ({id}) was recorded deceased on {death}: a proof of life dated {date}, after that, cannot be recorded</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="104"/>
        <source>注意：已登记的生存认证日期 {cert} 晚于死亡日期 {date}，请核实；多发的津贴将在下期花名册中列为追回</source>
        <translation>Note: a proof of life recorded on {cert} is after the date of death {date}; please check. Allowance paid too much will be listed for recovery in the next roster</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="105"/>
        <source>尚未加载高龄津贴政策，请管理员先运行 elderdesk policy load</source>
        <translation>No allowance policy is loaded yet: an administrator runs elderdesk policy load first</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="106"/>
        <source>期次“{value}”与政策的发放周期不符（政策按{kind}发放，应写作 {example}）</source>
        <translation>The period &quot;{value}&quot; does not match the policy&apos;s payment cycle (paid {kind}; write it as {example})</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="107"/>
        <source>期次 {period} 从{first}开始，晚于本月（{month}），不能生成或冻结尚未开始的期次的花名册</source>
        <translation>The period {period} starts in {first}, after this month ({month}): a roster of a period that has not begun cannot be built or frozen</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="108"/>
        <source>期次 {period} 不在最近已冻结的期次 {last} 之后，不能生成或冻结</source>
        <translation>The period {period} is not after the last frozen period {last}: it cannot be built or frozen</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="109"/>
        <source>期次 {period} 没有花名册，请先生成（roster build）</source>
        <translation>The period {period} has no roster: build it first (roster build)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="110"/>
        <source>期次 {period} 没有草稿花名册，请先生成（roster build）</source>
        <translation>The period {period} has no draft roster: build it first (roster build)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="111"/>
        <source>花名册草稿生成后数据已有变动（{change}），请重新生成后再冻结</source>
        <translation>The data changed after the draft roster was built ({change}): build it again before freezing</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="112"/>
        <source>期次 {period} 的花名册已冻结，不能再修改</source>
        <translation>The roster of {period} is frozen and cannot be changed</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="113"/>
        <source>期次 {period} 的花名册尚未冻结，银行文件只能从冻结的花名册导出</source>
        <translation>The roster of {period} is not frozen yet: the bank file is exported from a frozen roster only</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="114"/>
        <source>请至少指定 --xlsx 或 --pdf 之一</source>
        <translation>Give --xlsx or --pdf (or both)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="115"/>
        <source>{n} 人没有有效的开户银行和银行账号（账号应为 12 到 30 位数字），本期不发放，也不列入银行文件{where}。请在人员信息中补录，或用 elderdesk people account 身份证号 --bank 开户银行 --account 账号 补录，之后生成的花名册将补发</source>
        <translation>{n} people have no valid bank and account number (12 to 30 digits): they are not paid this period and not in the bank file{where}. Record them in the person&apos;s details, or with elderdesk people account ID --bank BANK --account ACCOUNT; rosters built afterwards pay the arrears</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="116"/>
        <source>{name}（{id}）在 {month} 没有未结清的追回款</source>
        <translation>{name} ({id}) has no open recovery for {month}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="117"/>
        <source>新旧身份证号相同，无需更正</source>
        <translation>The old and new ID numbers are the same: nothing to correct</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="118"/>
        <source>{name}（{id}）出生于 {birth}，未满 {min_age} 周岁，不能办理老年证；最早可于 {earliest} 起办理（生日当月前两个月起可提前登记）</source>
        <translation>{name} ({id}) was born {birth} and is not yet {min_age}: no senior card yet; possible from {earliest} (registration opens two months before the birthday month)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="119"/>
        <source>{name}（{id}）为非本地户籍，且{detail}，不能办理老年证。请先登记有效期内的居住证</source>
        <translation>{name} ({id}) has a non-local household and {detail}: no senior card. Record a valid residence permit first</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="120"/>
        <source>{name}（{id}）已持有有效的老年证（编号 {card_no}），不能重复发证；遗失、损坏、年满换证或信息更正请办理补换证（card reissue）</source>
        <translation>{name} ({id}) already holds a valid senior card ({card_no}); no second card. For loss, damage, an age upgrade or a correction, replace it (card reissue)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="121"/>
        <source>{name}（{id}）没有有效的老年证，请先发证（card issue）</source>
        <translation>{name} ({id}) has no valid senior card: issue one first (card issue)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="122"/>
        <source>{name}（{id}）持有{type}，{date} 按年龄（{age} 周岁）应持{wanted}，不需要年满换证</source>
        <translation>{name} ({id}) holds a {type}; by age ({age}) on {date} the card is a {wanted}: no age upgrade needed</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="123"/>
        <source>补换证原因“{reason}”无效，可选：lost（遗失）、damaged（损坏）、upgrade（年满换证）、correction（信息更正）</source>
        <translation>The replacement reason &quot;{reason}&quot; is not valid; choose: lost, damaged, upgrade, correction</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="124"/>
        <source>{year} 年的老年证编号已用完（顺序号最大 {max}），请管理员增加编号位数（card.number_digits）</source>
        <translation>The senior card numbers of {year} are used up (at most {max}): an administrator adds digits (card.number_digits)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="125"/>
        <source>按现行编号规则生成的编号 {card_no} 已被使用过，编号不能重复使用，请管理员调整编号前缀</source>
        <translation>The number {card_no} from the current numbering rule was used before and cannot be reused: an administrator changes the number prefix</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="126"/>
        <source>老年证 {card_no} 已于 {date} 登记领取，不能重复登记</source>
        <translation>The pick-up of senior card {card_no} was recorded on {date} already</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="127"/>
        <source>代领须同时填写代领人姓名（--agent-name）和身份证号（--agent-id）</source>
        <translation>An agent&apos;s pick-up needs both the agent&apos;s name (--agent-name) and ID number (--agent-id)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="128"/>
        <source>没有名为“{key}”的老年证规则，可设置：{keys}</source>
        <translation>There is no senior card rule &quot;{key}&quot;; rules: {keys}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="129"/>
        <source>老年证规则 {key} 的值“{value}”无效：{detail}</source>
        <translation>The value &quot;{value}&quot; of the senior card rule {key} is not valid: {detail}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="130"/>
        <source>数据库中没有机构签名密钥，无法生成或核验老年证二维码，请重新初始化或从备份恢复</source>
        <translation>The database has no office signing key: card QR codes cannot be made or checked. Initialise again or restore from a backup</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="131"/>
        <source>套打模板“{path}”有误：{detail}</source>
        <translation>The print template &quot;{path}&quot; has an error: {detail}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="132"/>
        <source>照片“{path}”无法使用：{detail}。请提供 JPEG 或 PNG 格式的照片</source>
        <translation>The photo &quot;{path}&quot; cannot be used: {detail}. Use a JPEG or PNG photo</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="133"/>
        <source>照片裁剪框 {box} 无效：{detail}</source>
        <translation>The photo crop box {box} is not valid: {detail}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="134"/>
        <source>注意：{name}（{id}）的姓名或身份证号在发证后已更改，老年证 {card_no} 的二维码仍是发证时的内容，请办理信息更正换证（card reissue --reason correction）</source>
        <translation>Note: the name or ID number of {name} ({id}) changed after the card was issued; the QR code of senior card {card_no} still holds the old details. Replace it with the reason correction (card reissue --reason correction)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="135"/>
        <source>注意：{name}（{id}）的“{chars}”没有可用字体，已打印为 〓，请在证上手工填写</source>
        <translation>Note: no font has &quot;{chars}&quot; of {name} ({id}); printed as 〓, please write it on the card by hand</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="136"/>
        <source>备份文件属于“{found}”（{region}），不是本机构（{expected}）的数据，已拒绝恢复</source>
        <translation>The backup belongs to &quot;{found}&quot; ({region}), not to this office ({expected}): not restored</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="137"/>
        <source>备份文件的数据库版本（{found}）比本程序新（{known}），请先升级 ElderDesk</source>
        <translation>The backup&apos;s database version ({found}) is newer than this program ({known}): upgrade ElderDesk first</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="138"/>
        <source>备份文件无效：{detail}。当前数据库未做任何改动</source>
        <translation>The backup is not valid: {detail}. The current database is unchanged</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="139"/>
        <source>备份文件夹“{path}”无法使用：{detail}。请插入备份U盘，或由管理员另选备份文件夹（elderdesk backup folder）</source>
        <translation>The backup folder &quot;{path}&quot; cannot be used: {detail}. Plug in the backup USB drive, or an administrator chooses another folder (elderdesk backup folder)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="140"/>
        <source>备份或恢复单位服务器上的数据库需要 PostgreSQL {major} 或更新版本的客户端工具 {tool}（{detail}）。请安装 PostgreSQL 客户端工具（Windows：重新运行 ElderDesk 安装程序，或用 PostgreSQL 官方安装程序只装“Command Line Tools”；Debian/Ubuntu：apt-get install postgresql-client），然后重试。数据库未做任何改动</source>
        <translation>Backing up or restoring the database on the office&apos;s server needs the PostgreSQL {major} or newer client tool {tool} ({detail}). Install the PostgreSQL client tools (Windows: run the ElderDesk installer again, or install only &quot;Command Line Tools&quot; with the official PostgreSQL installer; Debian/Ubuntu: apt-get install postgresql-client), then try again. The database was not changed</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="141"/>
        <source>不能用正在使用的数据库文件本身来恢复，请选择备份文件</source>
        <translation>The database in use cannot restore itself: choose a backup file</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="142"/>
        <source>登记册中已有人员，演示数据只能填入刚初始化、尚无人员的空登记册。请新建一个数据库（elderdesk init）后再生成演示数据</source>
        <translation>The register has people already: demo data only goes into a new, empty register. Create a new database (elderdesk init) first</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="143"/>
        <source>统计月份范围 {first} 至 {last} 无效：起始月不能晚于截止月，且最多 {max} 个月</source>
        <translation>The months {first} to {last} are not a valid range: the first month cannot be after the last, and at most {max} months</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="144"/>
        <source>表格种类“{kind}”不存在，可选：{kinds}</source>
        <translation>There is no form &quot;{kind}&quot;; forms: {kinds}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="145"/>
        <source>打印“{form}”需要指定人员的身份证号</source>
        <translation>Printing &quot;{form}&quot; needs the person&apos;s ID number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="146"/>
        <source>打印“{form}”需要指定{what}</source>
        <translation>Printing &quot;{form}&quot; needs {what}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="147"/>
        <source>起止日期有误：{first} 晚于 {last}，请核对</source>
        <translation>Wrong dates: {first} is after {last}. Please check</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="148"/>
        <source>{name}（{id}）的高龄津贴未停发（当前状态：{state}），没有停发表可打印</source>
        <translation>The allowance of {name} ({id}) is not stopped (status: {state}): there is no stop form to print</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="149"/>
        <source>{name}（{id}）没有未结清的追回款，不需要追回通知书</source>
        <translation>{name} ({id}) has no open recovery: no recovery notice needed</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="150"/>
        <source>目前没有未结清的追回款，不需要追回通知书</source>
        <translation>There are no open recoveries: no recovery notice needed</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="151"/>
        <source>“{user}”是最后一位启用的管理员，不能停用或取消其管理员角色；请先给另一位用户管理员角色</source>
        <translation>&quot;{user}&quot; is the last active administrator and cannot be disabled or lose the role: give another user the administrator role first</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="152"/>
        <source>不能{action}自己的账户，请由另一位管理员操作</source>
        <translation>You cannot {action} your own account: another administrator must do it</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="153"/>
        <source>新密码不能与原密码相同，请换一个新密码</source>
        <translation>The new password must differ from the old one</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="154"/>
        <source>密码太长，最多 {max} 个字符</source>
        <translation>The password is too long: at most {max} characters</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="155"/>
        <source>两次输入的新密码不一致，请重新输入</source>
        <translation>The two new passwords differ: please enter them again</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="156"/>
        <source>没有名为“{key}”的可修改设置，可修改：{keys}</source>
        <translation>There is no setting &quot;{key}&quot; to change; settings: {keys}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="157"/>
        <source>设置“{label}”的值“{value}”无效：{detail}</source>
        <translation>The value &quot;{value}&quot; of the setting &quot;{label}&quot; is not valid: {detail}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="158"/>
        <source>审计记录类别“{kind}”不存在，可选：{kinds}</source>
        <translation>There is no audit record kind &quot;{kind}&quot;; kinds: {kinds}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="159"/>
        <source>校验码“{value}”格式不对：应为 记录号-16 位（或 64 位）十六进制数，如花名册上印的 1234-89AB-CDEF-0123-4567，请逐位核对</source>
        <translation>The check code &quot;{value}&quot; has the wrong form: record number, then 16 (or 64) hexadecimal digits, like 1234-89AB-CDEF-0123-4567 printed on the roster. Check it character by character</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="160"/>
        <source>无法写入文件“{path}”：{detail}。请换一个文件夹或文件名</source>
        <translation>The file &quot;{path}&quot; cannot be written: {detail}. Choose another folder or file name</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="161"/>
        <source>文件操作失败（{path}）：{detail}。请检查文件夹、文件名长度和权限后重试</source>
        <translation>The file operation failed ({path}): {detail}. Check the folder, the length of the file name and the permissions, then try again</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="162"/>
        <source>本机没有设置身份证读卡器。请由管理员在“系统 → 读卡器”中选择读卡器，或用命令 elderdesk reader set 设置</source>
        <translation>No ID card reader is set up on this PC. An administrator chooses one in System → Card reader, or with the command elderdesk reader set</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="163"/>
        <source>读卡器未连接或无法使用（{driver}：{detail}）。请检查读卡器的连接线、电源和驱动程序，或由管理员在“系统 → 读卡器”中重新设置</source>
        <translation>The card reader is not connected or not working ({driver}: {detail}). Check its cable, power and driver, or an administrator sets it up again in System → Card reader</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="164"/>
        <source>读卡结果不完整：{detail}。请把身份证平放在读卡器上不要移动，然后重新读卡</source>
        <translation>The card was read incompletely: {detail}. Lay the ID card flat on the reader without moving it and read again</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="165"/>
        <source>读到的身份证信息无法识别：{detail}。请重新读卡；仍不行的请手工录入</source>
        <translation>The ID card data read cannot be understood: {detail}. Read again; if that fails, type it in</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="166"/>
        <source>注意：这张身份证已于 {date} 过期，信息照常读取；请提醒持证人及时换领</source>
        <translation>Note: this ID card expired on {date}; it was read as usual. Remind the holder to renew it</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="167"/>
        <source>注意：身份证芯片中的{field}“{given}”与身份证号不符（身份证号显示为{expected}），请核对证件</source>
        <translation>Note: the {field} &quot;{given}&quot; on the ID card chip does not match the ID number (which says {expected}): check the card</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="168"/>
        <source>注意：没有读到身份证照片（{detail}）</source>
        <translation>Note: no ID card photo was read ({detail})</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="169"/>
        <source>读卡器设置有误：{detail}</source>
        <translation>The card reader setting is wrong: {detail}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="170"/>
        <source>没有读到新的身份证（{detail}），请把身份证放在读卡器上</source>
        <translation>No new ID card was read ({detail}): place the ID card on the reader</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="171"/>
        <source>等了 {seconds} 秒没有读到身份证。请把身份证平放在读卡器上，再按“读卡”</source>
        <translation>No ID card was read in {seconds} seconds. Place the card flat on the reader and press “Read card” again</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="172"/>
        <source>读到的是 {name}（{id}）的身份证，不是本次办理的 {expected}。请核对来人和证件</source>
        <translation>The card read is the ID card of {name} ({id}), not of {expected}, whose matter this is. Please check the person and the card</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="173"/>
        <source>{name}（{id}）还没有登记，请由登记人员办理新增登记</source>
        <translation>{name} ({id}) is not registered yet; a clerk can register them</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="174"/>
        <source>没有编号为 {no} 的收据，请核对编号</source>
        <translation>There is no receipt {no}: check the number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="175"/>
        <source>收据 {no} 已作废（{reason}），不能重复作废</source>
        <translation>Receipt {no} is void already ({reason})</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="176"/>
        <source>不能作废自己开具的收据（{no}），请由其他审批人员办理</source>
        <translation>You cannot void a receipt you issued yourself ({no}): another approver must do it</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="177"/>
        <source>{year} 年的收据编号已用完（最大 {max}），请联系技术支持</source>
        <translation>The receipt numbers of {year} are used up (at most {max}): contact technical support</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="178"/>
        <source>申请日期“{value}”无效（无法识别、只有年月或早于出生日期），本行未导入，请核对</source>
        <translation>The application date &quot;{value}&quot; is not valid (not understood, month only, or before the birth date): the row was not imported. Please check</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="179"/>
        <source>此人已于 {date} 迁出，不能申请高龄津贴，本行未导入</source>
        <translation>This person moved out on {date} and cannot apply: the row was not imported</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="180"/>
        <source>本机构代码已设定为 {current}，机构代码设定后不能更改</source>
        <translation>This office&apos;s code is already set to {current}; an office code cannot be changed once set</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="181"/>
        <source>本库是区级机构（{region}），没有街道编号；街道编号只能在街道的数据库中设定</source>
        <translation>This database is a district office ({region}) and has no street number; a street number can only be set in a street&apos;s database</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="182"/>
        <source>本机构尚未设定街道编号，不能交换数据；请管理员先执行 office code NNN（3 位街道编号）</source>
        <translation>This office has no street number yet and cannot exchange data; the administrator first runs office code NNN (the 3-digit street number)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="183"/>
        <source>机构 {office} 已登记（{name}），公钥不能更换</source>
        <translation>Office {office} is already registered ({name}); its public key cannot be replaced</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="184"/>
        <source>机构 {office} 未登记，请先用 office add 登记它的代码、名称和公钥</source>
        <translation>Office {office} is not registered; first register its code, name and public key with office add</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="185"/>
        <source>机构代码“{value}”不对：{detail}</source>
        <translation>The office code &quot;{value}&quot; is wrong: {detail}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="186"/>
        <source>公钥文件 {path} 不是 Ed25519 公钥（PEM）；请用对方 card pubkey 打印的公钥文件</source>
        <translation>The public key file {path} is not an Ed25519 public key (PEM); use the key file the other office printed with card pubkey</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="187"/>
        <source>只有区级机构为街道设定发放方式；本街道的设定是“{payment}”（由区里设定，随交换包送达）</source>
        <translation>Only the district sets how a street is paid; this street&apos;s setting is &quot;{payment}&quot; (set by the district, delivered in an exchange package)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="188"/>
        <source>这条记录归{owner}所有，本机构只能查看不能修改（{what}），请到{owner}办理</source>
        <translation>This record belongs to {owner}; this office can view it but not change it ({what}). Please have {owner} do it</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="189"/>
        <source>文件 {path} 不是交换包（第一行不是 EDX1 包头）</source>
        <translation>The file {path} is not an exchange package (its first line is not an EDX1 header)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="190"/>
        <source>区级机构导出交换包时必须用 --to 指定街道代码</source>
        <translation>A district must name the street&apos;s code with --to when exporting a package</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="191"/>
        <source>交换包签名不符：包头被改动过，或不是机构 {sender} 签发的；未导入任何内容，请让对方重新导出</source>
        <translation>The package&apos;s signature does not match: its header was changed, or office {sender} did not sign it; nothing was imported. Ask the other office to export again</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="192"/>
        <source>交换包内容与包头记录的校验值不符（内容被改动或不完整）；未导入任何内容，请让对方重新导出</source>
        <translation>The package&apos;s content does not match the checksum in its header (changed or incomplete); nothing was imported. Ask the other office to export again</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="193"/>
        <source>这个交换包是发给机构 {receiver} 的，不是本机构（{own}）；未导入任何内容</source>
        <translation>This package is for office {receiver}, not this office ({own}); nothing was imported</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="194"/>
        <source>交换包来自未登记的机构 {sender}；请先用 office add 登记它的公钥；未导入任何内容</source>
        <translation>The package comes from office {sender}, which is not registered; first register its public key with office add; nothing was imported</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="195"/>
        <source>交换包含有不归发送方 {sender} 所有的记录（{what}，属于 {owner}）；未导入任何内容</source>
        <translation>The package holds a record its sender {sender} does not own ({what}, owned by {owner}); nothing was imported</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="196"/>
        <source>交换包序号 {seq} 已导入过，但内容不同；本机构收到的最后一个序号是 {last}，请让对方用 exchange export --since-seq {last} 重新导出</source>
        <translation>Package number {seq} was imported before, with different content; the last number this office received is {last}. Ask the other office to export again with exchange export --since-seq {last}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="197"/>
        <source>缺少交换包：第 {missing} 号还没有导入（本包为第 {first} 到 {seq} 号）；请先导入第 {missing} 号，或让对方用 --since-seq {last} 重新导出</source>
        <translation>A package is missing: number {missing} has not been imported (this one covers {first} to {seq}); import number {missing} first, or ask the other office to export again with --since-seq {last}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="198"/>
        <source>身份证号 {id} 已由{other}登记，{office}又登记了同一人（疑似重复享受，应退尽退）：未合并，请两个街道核实</source>
        <translation>ID number {id} is registered by {other}, and {office} registered the same person too (suspected double payment): not merged, both streets should check</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="199"/>
        <source>身份证号 {id} 在{offices}都有在册登记（疑似重复），请用 --office 指定街道代码</source>
        <translation>ID number {id} is registered and active at {offices} (suspected duplicate); name the street&apos;s code with --office</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="200"/>
        <source>机构 {office} 没有登记身份证号 {id}；登记此人的是{offices}</source>
        <translation>Office {office} has not registered ID number {id}; it is registered at {offices}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="201"/>
        <source>身份证号 {id} 在街道 {other} 的申请已批准，不能再批准街道 {office} 的申请（同一人只发一份，应退尽退）；请核实后对本申请作不予批准</source>
        <translation>The application of ID number {id} at street {other} is approved; the application at street {office} cannot be approved too (one person is paid once); check it and reject this application</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="202"/>
        <source>交换包中的{what}含有不是本街道登记的人员（{person}）；未导入任何内容</source>
        <translation>The package&apos;s {what} names a person this street did not register ({person}); nothing was imported</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="203"/>
        <source>高龄津贴由区里（{district}）统一发放，本街道不能{action}：花名册由区里冻结，随交换包送回本街道</source>
        <translation>The district ({district}) pays the longevity allowance, so this street cannot {action}: the district freezes the roster and sends it back in an exchange package</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="204"/>
        <source>高龄津贴由区里（{district}）统一发放，本街道只能为 {next} 编制草稿（核对本街道数据、打印），不能编制 {period}</source>
        <translation>The district ({district}) pays the longevity allowance; this street can only build a draft for {next} (to check its data and print), not for {period}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="205"/>
        <source>交换包内容格式不对（{detail}）；未导入任何内容</source>
        <translation>The package&apos;s content is malformed ({detail}); nothing was imported</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="206"/>
        <source>此人已有在办或已批准的高龄津贴申请，本行未导入</source>
        <translation>This person already has an open or approved application: the row was not imported</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="207"/>
        <source>申请过早：申请日期 {date}，年满 {age} 周岁前两个月起方可申请，最早 {earliest}，本行未导入</source>
        <translation>Too early: applied on {date}; applications open two months before the age of {age}, from {earliest}. The row was not imported</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="208"/>
        <source>申请日期 {date} 没有生效的高龄津贴政策，本行未导入</source>
        <translation>No allowance policy was in force on the application date {date}: the row was not imported</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="209"/>
        <source>登记册中已有另一个银行账号（{account}），文件中为{given}：未更改，请核实后在人员信息中修改</source>
        <translation>The register has another bank account ({account}); the file has {given}: not changed. Check, then change it in the person&apos;s details</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/i18n_data.py" line="210"/>
        <source>开户银行或银行账号不完整或无效（账号应为 12 到 30 位数字），未登记账号，申请照常导入</source>
        <translation>The bank or account number is incomplete or not valid (12 to 30 digits): no account recorded; the application was imported as usual</translation>
    </message>
</context>
<context>
    <name>ExchangeTab</name>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="132"/>
        <source>导出交换包到文件夹…</source>
        <translation>Export package to a folder…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="133"/>
        <source>选择文件夹（如U盘），交换包按发出机构、接收机构和序号命名</source>
        <translation>Choose a folder (such as a USB stick); the package is named by sender, receiver and number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="134"/>
        <source>导入交换包…</source>
        <translation>Import package…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="135"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="141"/>
        <source>显示完整身份证号</source>
        <translation>Show full ID numbers</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="155"/>
        <source>本机构：</source>
        <translation>This office:</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="159"/>
        <source>发往</source>
        <translation>Send to</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="165"/>
        <source>街道把本街道的登记、申请和审核导出给区，区把审批决定导出给各街道；每个交换包只导入一次，同一个包重复导入不会重复登记。</source>
        <translation>A street exports its register, applications and reviews to the district; the district exports its decisions to each street. Each package is imported once; importing the same package again registers nothing twice.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="168"/>
        <source>最近一次导入的发现</source>
        <translation>Findings of the last import</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="175"/>
        <source>各交换机构的收发情况</source>
        <translation>Packages sent and received per office</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="211"/>
        <source>区级</source>
        <translation>district</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="211"/>
        <source>街道</source>
        <translation>street</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="222"/>
        <source>尚未登记交换机构，请管理员先登记（office add）</source>
        <translation>No partner office registered yet: an administrator registers it first (office add)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="223"/>
        <source>共 {n} 个交换机构</source>
        <translation>{n} partner offices</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="242"/>
        <source>选择保存交换包的文件夹（如U盘）</source>
        <translation>Choose the folder for the package (such as a USB stick)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="252"/>
        <source>正在导出……</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="259"/>
        <source>已导出交换包 {file}：发往 {to}，序号 {seq}，{n} 条记录</source>
        <translation>Exported package {file}: to {to}, number {seq}, {n} records</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="268"/>
        <source>选择要导入的交换包</source>
        <translation>Choose the package to import</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="269"/>
        <source>交换包 (*.edx);;所有文件 (*)</source>
        <translation>Exchange packages (*.edx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="277"/>
        <source>正在导入 {file}……</source>
        <translation>Importing {file}…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="287"/>
        <source>{sender} 的第 {seq} 号交换包已导入过，未作更改</source>
        <translation>Package {seq} from {sender} was already imported; nothing changed</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="290"/>
        <source>人员</source>
        <translation>people</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="290"/>
        <source>生存认证</source>
        <translation>proofs of life</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="291"/>
        <source>老年证</source>
        <translation>cards</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="291"/>
        <source>申请</source>
        <translation>applications</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="292"/>
        <source>审批决定</source>
        <translation>decisions</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="292"/>
        <source>停发</source>
        <translation>stops</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="293"/>
        <source>花名册</source>
        <translation>rosters</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="293"/>
        <source>发放记录</source>
        <translation>payments</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="294"/>
        <source>追回</source>
        <translation>recoveries</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="294"/>
        <source>结算</source>
        <translation>settlements</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="295"/>
        <source>设置</source>
        <translation>settings</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="296"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="297"/>
        <source>无变更</source>
        <translation>no changes</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="298"/>
        <source>已导入 {sender} 的交换包（序号 {seq}）：{counts}</source>
        <translation>Imported the package from {sender} (number {seq}): {counts}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="302"/>
        <source>；有 {n} 条需核实的发现，见下表</source>
        <translation>; {n} findings to check, listed below</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="65"/>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="65"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="65"/>
        <source>说明</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="66"/>
        <source>涉及机构</source>
        <translation>Offices</translation>
    </message>
</context>
<context>
    <name>FindingsTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/models/findings_model.py" line="26"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/findings_model.py" line="26"/>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/findings_model.py" line="27"/>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/findings_model.py" line="26"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/findings_model.py" line="26"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/findings_model.py" line="27"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/findings_model.py" line="28"/>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/findings_model.py" line="28"/>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="74"/>
        <source>首次使用：选择数据保存的位置</source>
        <translation>First start: where the data is kept</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="75"/>
        <source>这台电脑上还没有 ElderDesk 数据库。请选择数据保存在哪里：</source>
        <translation>There is no ElderDesk database on this computer yet. Choose where the data is kept:</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="77"/>
        <source>本机数据库（只有这一个窗口办理业务）</source>
        <translation>Local database (only this counter works on it)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="79"/>
        <source>连接单位服务器（几个窗口共用单位的数据库服务器）</source>
        <translation>Connect to the office server (several counters share the office&apos;s database server)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="84"/>
        <source>数据文件：{path}</source>
        <translation>Data file: {path}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="89"/>
        <source>服务器数据库的密码（已写在地址中可不填）</source>
        <translation>Password of the server database (leave empty if the address holds it)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="94"/>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="95"/>
        <source>数据库密码</source>
        <translation>Database password</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="96"/>
        <source>连接单位服务器前，请单位的管理员先在服务器上建好一个空数据库（见使用说明“第一次启动 → 连接单位服务器”）。程序先试着连接，连接成功才保存；服务器上的空数据库接着建立本机构，已有本机构数据的直接登录。</source>
        <translation>Before connecting, the office&apos;s administrator creates an empty database on the server (see the manual, “First start → Connecting to the office server”). The program tries the connection first and saves it only when it works; an empty server database is then set up for this office, one that already holds it goes on to the login.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="99"/>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="99"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="119"/>
        <source>请输入单位服务器的地址</source>
        <translation>Enter the office server&apos;s address</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="122"/>
        <source>正在连接单位服务器……</source>
        <translation>Connecting to the office server…</translation>
    </message>
</context>
<context>
    <name>FormsPage</name>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="56"/>
        <source>18 位身份证号</source>
        <translation>18-digit ID number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="70"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="73"/>
        <source>名单中显示完整身份证号</source>
        <translation>Show full ID numbers in lists</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="79"/>
        <source>表格</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="80"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="82"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="83"/>
        <source>发证日期</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="84"/>
        <source>填表日期</source>
        <translation>Date filled in</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="86"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="88"/>
        <source>生成PDF… (Ctrl+P)</source>
        <translation>Make PDF… (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="99"/>
        <source>选择表格，填写身份证号或月份，按“预览”核对表格内容，再按“生成PDF”保存。</source>
        <translation>Choose a form, fill in the ID number or month, press &quot;Preview&quot; to check the content, then &quot;Make PDF&quot; to save it.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="135"/>
        <source>留空则为全部有未结清追回款的人员，每人一页</source>
        <translation>Leave empty for everyone with outstanding recoveries, one page each</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="167"/>
        <source>保存PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="167"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="187"/>
        <source>正在生成……</source>
        <translation>Building…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="187"/>
        <source>正在读取……</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="195"/>
        <source>已保存：{f}</source>
        <translation>Saved: {f}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="195"/>
        <source>预览如下</source>
        <translation>Preview below</translation>
    </message>
</context>
<context>
    <name>FreezeDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="54"/>
        <source>{n} 人没有有效的开户银行和银行账号，本期不发放（账号待补录），共 {amount} 元。请在“老人档案”中点“修改”或用 elderdesk people account 补录，补录后生成的花名册将补发。</source>
        <translation>{n} people have no valid bank and account number: nothing is paid to them this period (account pending), {amount} yuan in all. Record it in Records with Edit or with elderdesk people account; the next roster built then pays it as arrears.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="22"/>
        <source>冻结花名册</source>
        <translation>Freeze roster</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="26"/>
        <source>期次</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="27"/>
        <source>发放人数</source>
        <translation>People paid</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="27"/>
        <source>{n} 人</source>
        <translation>{n} people</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="28"/>
        <source>正常发放</source>
        <translation>Regular payment</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="29"/>
        <source>补发</source>
        <translation>Arrears</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="30"/>
        <source>发放合计</source>
        <translation>Total paid</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="31"/>
        <source>合计（大写）</source>
        <translation>Total (in words)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="32"/>
        <source>追回（另列）</source>
        <translation>Recovery (separate)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="37"/>
        <source>冻结后花名册不能再修改，发放金额记入发放台账，并可导出银行文件。请核对人数和金额无误后再冻结。</source>
        <translation>Once frozen, the roster cannot change, the amounts go into the payment ledger, and the bank file can be exported. Check the counts and amounts before freezing.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="42"/>
        <source>确认冻结</source>
        <translation>Confirm freeze</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="44"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="67"/>
        <source>{amount} 元</source>
        <translation>{amount} yuan</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="147"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="147"/>
        <source>档次</source>
        <translation>Band</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="147"/>
        <source>应享受(元)</source>
        <translation>Owed (yuan)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="147"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="148"/>
        <source>已发(元)</source>
        <translation>Paid (yuan)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="148"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="149"/>
        <source>应发</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="149"/>
        <source>暂停（待生存认证）</source>
        <translation>Suspended (awaiting proof of life)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="150"/>
        <source>不享受</source>
        <translation>Not entitled</translation>
    </message>
</context>
<context>
    <name>IdCheck</name>
    <message>
        <location filename="../../elderdesk/ui/widgets/id_check.py" line="39"/>
        <source>请输入 18 位身份证号（15 位旧号码会自动转换）</source>
        <translation>Enter the 18-digit ID number (old 15-digit numbers are converted)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/id_check.py" line="43"/>
        <source>已输入 {n} 位</source>
        <translation>{n} digits entered</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/id_check.py" line="48"/>
        <source>出生日期 {birth}&#x3000;性别 {sex}&#x3000;{age} 岁</source>
        <translation>Born {birth}&#x3000;Sex {sex}&#x3000;Age {age}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/id_check.py" line="52"/>
        <source>15 位旧号码已转换为 18 位：{number}</source>
        <translation>Old 15-digit number converted to 18 digits: {number}</translation>
    </message>
</context>
<context>
    <name>IdNumberEdit</name>
    <message>
        <location filename="../../elderdesk/ui/widgets/id_check.py" line="67"/>
        <source>例如 420103194903120013</source>
        <translation>e.g. 420103194903120013</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="56"/>
        <source>导入 Excel 名册</source>
        <translation>Import Excel register</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="68"/>
        <source>人员名册（登记新人员）</source>
        <translation>People register (new people)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="69"/>
        <source>死亡名单（登记死亡）</source>
        <translation>Death list (record deaths)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="70"/>
        <source>网上申请（市级平台导出，受理为网上申请）</source>
        <translation>Online applications (city platform export)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="72"/>
        <source>下载空白模板…</source>
        <translation>Download blank template…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="73"/>
        <source>保存一份空白的人员名册模板（Excel），身份证号列已设为文本格式</source>
        <translation>Save a blank people register template (Excel) with the ID column formatted as text</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="80"/>
        <source>选择 .xlsx 或 .xls 文件</source>
        <translation>Choose an .xlsx or .xls file</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="81"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="87"/>
        <source>留空则读取第一个工作表</source>
        <translation>Leave empty to read the first worksheet</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="88"/>
        <source>试运行：只检查，不写入数据库</source>
        <translation>Dry run: check only, write nothing to the database</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="89"/>
        <source>严格模式：任何一行有错误则全部不导入</source>
        <translation>Strict mode: import nothing if any row has an error</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="90"/>
        <source>在名册旁保存检查报告（.xlsx）</source>
        <translation>Save a check report (.xlsx) beside the register</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="93"/>
        <source>名册类型</source>
        <translation>Register type</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="94"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="95"/>
        <source>工作表</source>
        <translation>Worksheet</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="114"/>
        <source>打开报告所在文件夹</source>
        <translation>Open the report&apos;s folder</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="119"/>
        <source>显示完整身份证号</source>
        <translation>Show full ID numbers</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="123"/>
        <source>开始导入</source>
        <translation>Start import</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="126"/>
        <source>取消导入</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="129"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="153"/>
        <source>选择名册</source>
        <translation>Choose register</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="154"/>
        <source>Excel 工作簿 (*.xlsx *.xls)</source>
        <translation>Excel workbooks (*.xlsx *.xls)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="160"/>
        <source>保存空白模板</source>
        <translation>Save blank template</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="161"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="168"/>
        <source>人员名册模板.xlsx</source>
        <translation>people register template.xlsx</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="178"/>
        <source>模板没有保存：{error}。如果该文件正在 Excel 中打开，请先关闭它或换一个文件名。</source>
        <translation>Template not saved: {error}. If the file is open in Excel, close it first or choose another file name.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="181"/>
        <source>空白模板已保存到：{path}。填好后再选择该文件导入。</source>
        <translation>Blank template saved to: {path}. Fill it in, then choose that file to import.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="191"/>
        <source>请先选择要导入的文件</source>
        <translation>Choose the file to import first</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="213"/>
        <source>正在读取和检查……</source>
        <translation>Reading and checking…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="237"/>
        <source>正在取消……</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="249"/>
        <source>试运行完成（未写入）：读取 {read} 行，可导入 {imported} 行，跳过 {skipped} 行。</source>
        <translation>Dry run done (nothing written): {read} rows read, {imported} could be imported, {skipped} skipped.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="251"/>
        <source>导入完成：读取 {read} 行，导入 {imported} 行，跳过 {skipped} 行。</source>
        <translation>Import done: {read} rows read, {imported} imported, {skipped} skipped.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="254"/>
        <source>发现错误 {errors} 条、警告 {warnings} 条。</source>
        <translation>Found {errors} errors and {warnings} warnings.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="258"/>
        <source>检查报告已保存到：{path}</source>
        <translation>Check report saved to: {path}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="269"/>
        <source>导入已取消。</source>
        <translation>Import cancelled.</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/keys_dialog.py" line="73"/>
        <source>快捷键一览</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/keys_dialog.py" line="77"/>
        <source>按键</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/keys_dialog.py" line="77"/>
        <source>功能</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/keys_dialog.py" line="90"/>
        <source>“{page}”页面与全局可用的快捷键：</source>
        <translation>Shortcuts of the &quot;{page}&quot; page and of the whole program:</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/keys_dialog.py" line="92"/>
        <source>另外：Tab 移到下一项，回车确认或打开，Esc 取消或清空查找框。</source>
        <translation>Also: Tab moves to the next field, Enter confirms or opens, Esc cancels or clears the search box.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="11"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="11"/>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="11"/>
        <source>户籍地址</source>
        <translation>Registered address</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="12"/>
        <source>现住址</source>
        <translation>Current address</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="12"/>
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="12"/>
        <location filename="../../elderdesk/ui/labels.py" line="46"/>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="13"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="13"/>
        <source>开户银行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="13"/>
        <source>银行账号</source>
        <translation>Account number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="14"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="18"/>
        <source>本地户籍</source>
        <translation>Local household</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="18"/>
        <source>非本地户籍</source>
        <translation>Non-local household</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="22"/>
        <source>死亡</source>
        <translation>Death</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="22"/>
        <source>迁出</source>
        <translation>Moved out</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="22"/>
        <source>本人申请</source>
        <translation>At own request</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="23"/>
        <source>重复享受</source>
        <translation>Duplicate entitlement</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="23"/>
        <source>不符合条件</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="24"/>
        <source>失去联系</source>
        <translation>Lost contact</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="24"/>
        <source>政策调整</source>
        <translation>Policy change</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="24"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="29"/>
        <source>高龄津贴申请审批表</source>
        <translation>Longevity allowance application and approval form</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="29"/>
        <source>高龄津贴停发备案表</source>
        <translation>Allowance stop record form</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="30"/>
        <source>高龄津贴调整备案表</source>
        <translation>Allowance adjustment record form</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="30"/>
        <source>高龄津贴追回通知书</source>
        <translation>Allowance recovery notice</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="31"/>
        <source>老年证领取登记表</source>
        <translation>Senior card collection register</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="35"/>
        <source>经办</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="35"/>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="35"/>
        <source>审批</source>
        <translation>Approval</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="36"/>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="40"/>
        <source>登记人员、发证、受理申请、导入、打印</source>
        <translation>Register people, issue cards, accept applications, import, print</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="40"/>
        <source>街道审核津贴申请</source>
        <translation>Street-level review of applications</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="41"/>
        <source>区级审批、冻结花名册</source>
        <translation>District approval, roster freezing</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="42"/>
        <source>用户、机构设置、政策、备份、审计日志</source>
        <translation>Users, office settings, policy, backups, audit log</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="46"/>
        <source>年龄段</source>
        <translation>Age bands</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="46"/>
        <source>人员状态</source>
        <translation>Person status</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="47"/>
        <source>津贴发放</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="47"/>
        <source>老年证</source>
        <translation>Senior cards</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="47"/>
        <source>生存认证</source>
        <translation>Proof of life</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="52"/>
        <source>遗失</source>
        <translation>Lost</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="52"/>
        <source>损坏</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="53"/>
        <source>年满换证</source>
        <translation>Age renewal</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="54"/>
        <source>信息更正</source>
        <translation>Correction of details</translation>
    </message>
</context>
<context>
    <name>LifecertDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/lifecert_dialog.py" line="41"/>
        <source>登记生存认证</source>
        <translation>Record proof of life</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/lifecert_dialog.py" line="46"/>
        <source>老人</source>
        <translation>Elder</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/lifecert_dialog.py" line="48"/>
        <source>原认证有效期至</source>
        <translation>Previous proof valid until</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/lifecert_dialog.py" line="50"/>
        <source>身份证</source>
        <translation>ID card</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/lifecert_dialog.py" line="51"/>
        <source>认证日期</source>
        <translation>Proof date</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/lifecert_dialog.py" line="52"/>
        <source>认证后发放至</source>
        <translation>Paid until after proof</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/lifecert_dialog.py" line="53"/>
        <source>请核验老人本人及身份证原件后登记。认证前暂停发放的月份将在下期花名册中补发。</source>
        <translation>Check the elder in person and the original ID card before recording. Months suspended before the proof are paid in the next roster.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/lifecert_dialog.py" line="54"/>
        <source>确认登记</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/lifecert_dialog.py" line="63"/>
        <source>（政策不要求生存认证）</source>
        <translation>(The policy requires no proof of life)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/lifecert_dialog.py" line="66"/>
        <source>{y}年{m}月</source>
        <translation>{y}-{m}</translation>
    </message>
</context>
<context>
    <name>ListTab</name>
    <message>
        <location filename="../../elderdesk/ui/widgets/list_tab.py" line="96"/>
        <source>共 {n} 人</source>
        <translation>{n} people</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../elderdesk/ui/idle_lock.py" line="66"/>
        <source>ElderDesk 已锁定</source>
        <translation>ElderDesk is locked</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/idle_lock.py" line="69"/>
        <source>长时间无操作，程序已锁定</source>
        <translation>Locked after a long idle time</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/idle_lock.py" line="75"/>
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/idle_lock.py" line="76"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/idle_lock.py" line="79"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/idle_lock.py" line="81"/>
        <source>切换用户…</source>
        <translation>Switch user…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/idle_lock.py" line="83"/>
        <source>退出程序</source>
        <translation>Quit program</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/idle_lock.py" line="91"/>
        <source>请输入本人密码继续；换人办理请点“切换用户”。</source>
        <translation>Enter your password to continue; for another operator press &quot;Switch user&quot;.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/login_dialog.py" line="26"/>
        <source>登录 ElderDesk 老年证与高龄津贴办理系统</source>
        <translation>Log in to ElderDesk Senior Card and Longevity Allowance System</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/login_dialog.py" line="27"/>
        <source>老年证与高龄津贴办理系统</source>
        <translation>Senior Card and Longevity Allowance System</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/login_dialog.py" line="34"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/login_dialog.py" line="35"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/login_dialog.py" line="36"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/login_dialog.py" line="36"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/login_dialog.py" line="48"/>
        <source>请输入用户名</source>
        <translation>Enter the user name</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../elderdesk/ui/main_window.py" line="73"/>
        <source>ElderDesk 老年证与高龄津贴办理系统</source>
        <translation>ElderDesk Senior Card and Longevity Allowance System</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/main_window.py" line="79"/>
        <source>老人档案</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/main_window.py" line="96"/>
        <source>老年证</source>
        <translation>Senior cards</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/main_window.py" line="96"/>
        <source>高龄津贴</source>
        <translation>Longevity allowance</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/main_window.py" line="97"/>
        <source>发放花名册</source>
        <translation>Payment rosters</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/main_window.py" line="97"/>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/main_window.py" line="98"/>
        <source>系统</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/main_window.py" line="98"/>
        <source>表格文书</source>
        <translation>Forms</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/main_window.py" line="120"/>
        <source>操作员：{name}（{roles}）</source>
        <translation>Operator: {name} ({roles})</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/main_window.py" line="171"/>
        <source>已切换为 {name}</source>
        <translation>Switched to {name}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/main_window.py" line="225"/>
        <source>ElderDesk 老年证与高龄津贴办理系统 — {office}</source>
        <translation>ElderDesk Senior Card and Longevity Allowance System — {office}</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="35"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="36"/>
        <source>打印老年证</source>
        <translation>Print senior card</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="39"/>
        <source>切换用户…</source>
        <translation>Switch user…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="41"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="42"/>
        <source>办理(&amp;B)</source>
        <translation>&amp;Work</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="44"/>
        <source>新增登记</source>
        <translation>New registration</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="46"/>
        <source>读卡</source>
        <translation>Read card</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="48"/>
        <source>发放老年证</source>
        <translation>Issue senior card</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="50"/>
        <source>受理高龄津贴申请</source>
        <translation>Accept longevity allowance application</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="52"/>
        <source>登记生存认证</source>
        <translation>Record proof of life</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="54"/>
        <source>查看(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="59"/>
        <source>字体大小</source>
        <translation>Font size</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="69"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="70"/>
        <source>快捷键一览</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="83"/>
        <source>快捷键：{keys}</source>
        <translation>Shortcut: {keys}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="89"/>
        <source>{text}（{keys}）</source>
        <translation>{text} ({keys})</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="120"/>
        <source>“{what}”现在不能办理：请先选中一位可以办理的老人</source>
        <translation>&quot;{what}&quot; is not possible now: first select an elder it applies to</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="130"/>
        <source>请先在“老人档案”中查找并选中一位老人</source>
        <translation>First find and select an elder in Records</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="180"/>
        <source>{name}（{id}）</source>
        <translation>{name} ({id})</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="189"/>
        <source>已登记生存认证：{subject}</source>
        <translation>Proof of life recorded: {subject}</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/password_dialog.py" line="29"/>
        <source>修改我的密码</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/password_dialog.py" line="30"/>
        <location filename="../../elderdesk/ui/dialogs/password_dialog.py" line="36"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/password_dialog.py" line="32"/>
        <source>原密码</source>
        <translation>Old password</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/password_dialog.py" line="35"/>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/password_dialog.py" line="37"/>
        <source>重置后请把新密码当面告诉本人，并请其登录后立即修改。如账户因密码错误被锁定，重置同时解除锁定。</source>
        <translation>After a reset, tell the person the new password face to face and ask them to change it after logging in. A reset also unlocks an account locked by wrong passwords.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/password_dialog.py" line="41"/>
        <source>至少 {n} 个字符</source>
        <translation>At least {n} characters</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/password_dialog.py" line="42"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/password_dialog.py" line="43"/>
        <source>再次输入新密码</source>
        <translation>Enter the new password again</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/password_dialog.py" line="44"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>PaymentHistory</name>
    <message>
        <location filename="../../elderdesk/ui/widgets/payment_history.py" line="70"/>
        <source>正在读取发放记录……</source>
        <translation>Reading payment records…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/payment_history.py" line="93"/>
        <source>合计：应享受 {owed} 元，已发放 {paid} 元</source>
        <translation>Total: owed {owed} yuan, paid {paid} yuan</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/payment_history.py" line="107"/>
        <source>高龄津贴：未申请</source>
        <translation>Allowance: not applied</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/payment_history.py" line="108"/>
        <source>高龄津贴：{state}，{applied} 申请</source>
        <translation>Allowance: {state}, applied {applied}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/payment_history.py" line="111"/>
        <source>，{d} 批准</source>
        <translation>, approved {d}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/payment_history.py" line="113"/>
        <source>（{who}）</source>
        <translation> ({who})</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/payment_history.py" line="115"/>
        <source>，{d} 停发</source>
        <translation>, stopped {d}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/payment_history.py" line="117"/>
        <source>；本月档次 {band}，每月 {amount} 元</source>
        <translation>; band this month {band}, {amount} yuan a month</translation>
    </message>
</context>
<context>
    <name>PdfPrinting</name>
    <message>
        <location filename="../../elderdesk/ui/pdf_printing.py" line="45"/>
        <source>本机缺少 PySide6-Pdf 组件，无法显示或打印 PDF</source>
        <translation>The PySide6-Pdf component is missing on this PC: PDFs cannot be shown or printed</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pdf_printing.py" line="49"/>
        <source>不是有效的 PDF 文件</source>
        <translation>Not a valid PDF file</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pdf_printing.py" line="96"/>
        <source>打印机无法开始打印</source>
        <translation>The printer could not start printing</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pdf_printing.py" line="122"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pdf_printing.py" line="143"/>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
</context>
<context>
    <name>PeopleTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/models/people_model.py" line="44"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/people_model.py" line="44"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/people_model.py" line="44"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/people_model.py" line="45"/>
        <source>出生日期</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/people_model.py" line="45"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/people_model.py" line="45"/>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/people_model.py" line="55"/>
        <source>登记街道</source>
        <translation>Registered by street</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/people_model.py" line="145"/>
        <source>勾选“显示完整身份证号”可查看全部号码</source>
        <translation>Tick &quot;Show full ID numbers&quot; to see whole numbers</translation>
    </message>
</context>
<context>
    <name>PersonCardPanel</name>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="44"/>
        <source>办证</source>
        <translation>Cards</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="53"/>
        <source>在上方查找并选择一位老人，或在“老人档案”中选中后按“办证”。</source>
        <translation>Find and select an elder above, or select one in Records and press &quot;Card&quot;.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="60"/>
        <source>发证…</source>
        <translation>Issue…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="61"/>
        <source>补证/换证…</source>
        <translation>Replace/Renew…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="62"/>
        <source>领证登记…</source>
        <translation>Card collection…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="105"/>
        <source>打印对象：{who}</source>
        <translation>Print: {who}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="106"/>
        <source>打印对象：无（选中的人没有有效老年证）</source>
        <translation>Print: nobody (the selected person has no valid senior card)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="126"/>
        <source>照片</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="134"/>
        <source>，居住证有效期至 {date}</source>
        <translation>, residence permit valid until {date}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="135"/>
        <source>，未登记居住证</source>
        <translation>, no residence permit recorded</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="136"/>
        <source>{id}&#x3000;{sex}&#x3000;{birth}（{age} 岁）&#x3000;{status}&#x3000;{household}</source>
        <translation>{id}&#x3000;{sex}&#x3000;{birth} (age {age})&#x3000;{status}&#x3000;{household}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="145"/>
        <source>尚未办理老年证</source>
        <translation>No senior card yet</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="146"/>
        <source>当前老年证：{no}&#x3000;{type}&#x3000;{date} 发证&#x3000;{status}</source>
        <translation>Current senior card: {no}&#x3000;{type}&#x3000;issued {date}&#x3000;{status}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="158"/>
        <source>无照片</source>
        <translation>No photo</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="171"/>
        <source>✔ 可以发证：{type}，工本费 {fee} 元</source>
        <translation>✔ Can issue: {type}, fee {fee} yuan</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="175"/>
        <source>已持有{type}（{no}）。已到换证年龄，应换发{wanted}：请按“补证/换证”，原因选“年满换证”（工本费 {fee} 元）</source>
        <translation>Holds a {type} ({no}) and has reached the age for a {wanted}: press &quot;Replace/Renew&quot; and choose the reason &quot;age renewal&quot; (fee {fee} yuan)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="180"/>
        <source>已持有有效老年证（{no}，{type}），不能重复发证。遗失、损坏或信息有误请按“补证/换证”</source>
        <translation>Already holds a valid senior card ({no}, {type}); cannot issue another. For loss, damage or wrong details press &quot;Replace/Renew&quot;</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="182"/>
        <source>✘ 不能办理：{reason}</source>
        <translation>✘ Cannot proceed: {reason}</translation>
    </message>
</context>
<context>
    <name>PersonDetail</name>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="31"/>
        <source>在列表中选择一位老人，这里显示其档案。</source>
        <translation>Select an elder in the list to see the record here.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="36"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="36"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="37"/>
        <source>出生日期</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="37"/>
        <source>户籍类型</source>
        <translation>Household type</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="38"/>
        <source>居住证有效期</source>
        <translation>Residence permit valid until</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="40"/>
        <source>银行账号</source>
        <translation>Account number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="40"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="61"/>
        <source>办理日志</source>
        <translation>Record of work</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="57"/>
        <source>高龄津贴发放记录</source>
        <translation>Longevity allowance payments</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="124"/>
        <source>{birth}（{age} 岁）</source>
        <translation>{birth} (age {age})</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="140"/>
        <source>已故（{date}）</source>
        <translation>Deceased ({date})</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="142"/>
        <source>已迁出（{date}）</source>
        <translation>Moved out ({date})</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="82"/>
        <source>12 到 30 位数字，可用空格分组</source>
        <translation>12 to 30 digits, spaces allowed between groups</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="83"/>
        <source>发放高龄津贴须填写开户银行和银行账号</source>
        <translation>The allowance is paid only with both a bank and an account number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="60"/>
        <source>修改人员信息</source>
        <translation>Edit person</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="60"/>
        <source>登记新人员</source>
        <translation>Register new person</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="70"/>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="211"/>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="212"/>
        <source>（由身份证号确定）</source>
        <translation>(from the ID number)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="72"/>
        <source>校验位错误但证件无误时，由管理员填写原因</source>
        <translation>When the check digit is wrong but the ID card is genuine, an administrator states the reason</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="73"/>
        <source>强制登记原因</source>
        <translation>Reason for forced registration</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="87"/>
        <source>有居住证，有效期至</source>
        <translation>Has a residence permit, valid until</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="100"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="102"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="118"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="129"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="132"/>
        <source>户籍类型</source>
        <translation>Household type</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="160"/>
        <source>身份证号不能在此修改（更正身份证号需由审批人员办理）</source>
        <translation>The ID number cannot be changed here (corrections are made by approval staff)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="180"/>
        <source>登记新人员（已读取身份证）</source>
        <translation>Register a new person (ID card read)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="191"/>
        <source>用身份证照片作为老年证照片</source>
        <translation>Use the ID card photo as the senior card photo</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="193"/>
        <source>照片按一寸照比例居中裁剪后保存，发证时使用；不勾选则不保存身份证照片</source>
        <translation>The photo is cropped to the 1-inch proportions around its centre, stored and used when the card is issued; unticked, the ID card photo is not stored</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="225"/>
        <source>此身份证号已登记：{name}（{status}），不能重复登记</source>
        <translation>This ID number is already registered: {name} ({status}); it cannot be registered twice</translation>
    </message>
</context>
<context>
    <name>PersonTrail</name>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_trail.py" line="109"/>
        <source>没有办理记录。</source>
        <translation>Nothing recorded.</translation>
    </message>
</context>
<context>
    <name>PhotoCrop</name>
    <message>
        <location filename="../../elderdesk/ui/widgets/photo_crop.py" line="54"/>
        <source>拖动方框选取头像；拖动四角或滚动滚轮调整大小；方向键移动，+/- 缩放（按住 Shift 加快）</source>
        <translation>Drag the frame to pick the head; drag its corners or turn the wheel to resize; arrow keys move, +/- zoom (hold Shift for faster)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/photo_crop.py" line="135"/>
        <source>未选择照片
JPEG 或 PNG 格式
裁成一寸照（25×35 毫米）</source>
        <translation>No photo chosen
JPEG or PNG
cropped to a 1-inch photo (25×35 mm)</translation>
    </message>
</context>
<context>
    <name>PickupDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="35"/>
        <source>领证登记</source>
        <translation>Card collection</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="36"/>
        <source>本人领取</source>
        <translation>Collected in person</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="37"/>
        <source>代领</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="49"/>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="58"/>
        <source>代领人姓名</source>
        <translation>Proxy&apos;s name</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="53"/>
        <source>老年证</source>
        <translation>Senior cards</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="53"/>
        <source>{no}（{type}）</source>
        <translation>{no} ({type})</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="55"/>
        <source>持证人</source>
        <translation>Holder</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="55"/>
        <source>{name}&#x3000;{id}</source>
        <translation>{name}&#x3000;{id}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="57"/>
        <source>领取人</source>
        <translation>Collector</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="59"/>
        <source>代领人身份证号</source>
        <translation>Proxy&apos;s ID number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="60"/>
        <source>领取日期</source>
        <translation>Collection date</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="61"/>
        <source>请核验领取人的身份证原件：本人领取核对本人证件，代领核对代领人证件并登记其姓名和身份证号。</source>
        <translation>Check the collector&apos;s original ID card: in person, the holder&apos;s own card; by proxy, the proxy&apos;s card, and record the proxy&apos;s name and ID number.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="62"/>
        <source>确认领取</source>
        <translation>Confirm collection</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="76"/>
        <source>代领须填写代领人姓名和身份证号</source>
        <translation>A proxy needs the proxy&apos;s name and ID number</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../elderdesk/ui/pages/placeholder_page.py" line="17"/>
        <source>此功能将在后续版本提供</source>
        <translation>This feature will come in a later version</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <location filename="../../elderdesk/ui/preferences.py" line="24"/>
        <source>小</source>
        <translation>Small</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/preferences.py" line="25"/>
        <source>中</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/preferences.py" line="26"/>
        <source>大</source>
        <translation>Large</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/preferences.py" line="27"/>
        <source>特大</source>
        <translation>Extra large</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../elderdesk/ui/startup.py" line="119"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReaderTab</name>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="37"/>
        <source>不使用读卡器</source>
        <translation>No card reader</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="38"/>
        <source>文件夹（wz.txt 和 zp.bmp）</source>
        <translation>Folder (wz.txt and zp.bmp)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="39"/>
        <source>华视等 termb.dll</source>
        <translation>termb.dll (Huashi and others)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="39"/>
        <source>精伦等 sdtapi.dll</source>
        <translation>sdtapi.dll (Jinglun and others)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="40"/>
        <source>厂商本地读卡服务（网址）</source>
        <translation>Vendor&apos;s local reader service (URL)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="98"/>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="101"/>
        <source>不填则使用厂商驱动的默认文件名</source>
        <translation>Leave empty for the vendor driver&apos;s default file name</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="103"/>
        <source>32 位驱动库才需要：32 位 python.exe 的路径</source>
        <translation>Only for 32-bit driver libraries: the path of a 32-bit python.exe</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="104"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="51"/>
        <source>测试读卡器</source>
        <translation>Test the reader</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="110"/>
        <source>读卡器</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="115"/>
        <source>驱动库文件</source>
        <translation>Driver library</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="116"/>
        <source>32 位辅助程序</source>
        <translation>32-bit helper</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="69"/>
        <source>读卡器的设置只保存在本机：每台电脑各用各的读卡器。端口不填时自动查找（USB 1001–1016，然后串口 1–16）。</source>
        <translation>The reader settings are kept on this PC only: each PC has its own reader. Without a port the reader is searched for (USB 1001–1016, then serial 1–16).</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="67"/>
        <source>本机读卡器</source>
        <translation>This PC&apos;s reader</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="71"/>
        <source>读卡器由管理员设置；这里可以测试本机的读卡器。</source>
        <translation>The reader is set up by an administrator; here you can test this PC&apos;s reader.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="129"/>
        <source>{driver}：{arg}</source>
        <translation>{driver}: {arg}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="141"/>
        <source>本次运行由环境变量 ELDERDESK_READER 指定读卡器：{reader}</source>
        <translation>For this run the environment variable ELDERDESK_READER sets the reader: {reader}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="147"/>
        <source>文件夹</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="147"/>
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="148"/>
        <source>网址</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="149"/>
        <source>读卡软件写出 wz.txt 的文件夹</source>
        <translation>The folder the reader software writes wz.txt to</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="150"/>
        <source>不填则自动查找</source>
        <translation>Leave empty to search</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="163"/>
        <source>选择读卡软件写出 wz.txt 的文件夹</source>
        <translation>Choose the folder the reader software writes wz.txt to</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="178"/>
        <source>已保存，本机立即生效</source>
        <translation>Saved; in effect on this PC now</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="185"/>
        <source>读取中</source>
        <translation>Reading</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="191"/>
        <source>已读取</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="191"/>
        <source>等待放卡</source>
        <translation>Waiting for a card</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="192"/>
        <source>读卡器未连接</source>
        <translation>Reader not connected</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="192"/>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="212"/>
        <source>读卡出错</source>
        <translation>Reading failed</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="202"/>
        <source>{name}，{sex}，{birth} 出生，身份证号 {id}，照片：{photo}</source>
        <translation>{name}, {sex}, born {birth}, ID number {id}, photo: {photo}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="205"/>
        <source>有</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/reader_tab.py" line="205"/>
        <source>无</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/record_dialog.py" line="65"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecoveriesTab</name>
    <message>
        <location filename="../../elderdesk/ui/pages/recoveries_tab.py" line="28"/>
        <source>只显示未结清</source>
        <translation>Outstanding only</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/recoveries_tab.py" line="33"/>
        <source>登记已退回</source>
        <translation>Record refund</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/recoveries_tab.py" line="48"/>
        <source>共 {n} 笔，未结清合计 {amount} 元</source>
        <translation>{n} items, outstanding {amount} yuan</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/recoveries_tab.py" line="60"/>
        <source>{name}（{id}）{month} 追回 {amount} 元</source>
        <translation>{name} ({id}) {month}: recover {amount} yuan</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/recoveries_tab.py" line="63"/>
        <source>登记追回款已退回</source>
        <translation>Record a refunded recovery</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/recoveries_tab.py" line="64"/>
        <source>确认已退回</source>
        <translation>Confirm refund</translation>
    </message>
</context>
<context>
    <name>RecoveriesTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="264"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="264"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="264"/>
        <source>花名册期次</source>
        <translation>Roster period</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="265"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="265"/>
        <source>金额(元)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="265"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="268"/>
        <source>已结清（{date}）</source>
        <translation>Settled ({date})</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="269"/>
        <source>未结清</source>
        <translation>Outstanding</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="77"/>
        <source>输入姓名、拼音首字母（如 zsf）或身份证号的任意几位，按回车打开</source>
        <translation>Type a name, pinyin initials (e.g. zsf) or any digits of the ID number; Enter opens</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="82"/>
        <source>显示完整身份证号</source>
        <translation>Show full ID numbers</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="86"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="93"/>
        <source>新增登记</source>
        <translation>New registration</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="94"/>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="95"/>
        <source>登记死亡</source>
        <translation>Record death</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="97"/>
        <source>登记迁出</source>
        <translation>Record move-out</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="99"/>
        <source>导入名册</source>
        <translation>Import register</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="105"/>
        <source>登记今日生存认证</source>
        <translation>Record today&apos;s proof of life</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="106"/>
        <source>刚读取了身份证的老人本人在场：登记今天的生存认证</source>
        <translation>The elder whose ID card was just read is here in person: record today&apos;s proof of life</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="142"/>
        <source>查找（光标回到查找框）</source>
        <translation>Find (back to the search box)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="200"/>
        <source>请输入查找条件</source>
        <translation>Enter what to look for</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="202"/>
        <source>没有找到符合条件的人员</source>
        <translation>Nobody matches</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="204"/>
        <source>已显示 {n} 人，向下滚动显示更多</source>
        <translation>{n} people shown; scroll down for more</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="206"/>
        <source>共 {n} 人</source>
        <translation>{n} people</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="357"/>
        <source>已读取身份证：{name}（{id}）</source>
        <translation>ID card read: {name} ({id})</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="405"/>
        <source>{name}（{id}）</source>
        <translation>{name} ({id})</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="407"/>
        <source>登记生存认证</source>
        <translation>Record proof of life</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="408"/>
        <source>刚读取了 {subject} 的身份证。确认老人本人在场，登记 {date} 的生存认证？</source>
        <translation>The ID card of {subject} was just read. Is the elder here in person? Record the proof of life of {date}?</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="417"/>
        <source>已登记生存认证：{subject}，{date}</source>
        <translation>Proof of life recorded: {subject}, {date}</translation>
    </message>
</context>
<context>
    <name>ReissueDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/reissue_dialog.py" line="26"/>
        <source>补证 / 换证</source>
        <translation>Replace / renew card</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/reissue_dialog.py" line="29"/>
        <source>补换证</source>
        <translation>Replace card</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/reissue_dialog.py" line="35"/>
        <source>{no}（{type}，{date} 发证）</source>
        <translation>{no} ({type}, issued {date})</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/reissue_dialog.py" line="43"/>
        <source>原证</source>
        <translation>Old card</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/reissue_dialog.py" line="44"/>
        <source>补换原因</source>
        <translation>Reason for replacement</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/reissue_dialog.py" line="50"/>
        <source>{fee} 元（{reason}）</source>
        <translation>{fee} yuan ({reason})</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/reissue_dialog.py" line="52"/>
        <source>{fee} 元（首次遗失、损坏补证；再次补证 {again} 元）</source>
        <translation>{fee} yuan (first replacement for loss or damage; later ones {again} yuan)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/reissue_dialog.py" line="54"/>
        <source>{fee} 元（第 {n} 次遗失、损坏补证）</source>
        <translation>{fee} yuan (replacement no. {n} for loss or damage)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/reissue_dialog.py" line="65"/>
        <source>补换证后原证作废（二维码核验显示已作废），新证使用新编号。不选新照片则沿用已存的照片。</source>
        <translation>After a replacement the old card is void (the QR check shows it as void) and the new card gets a new number. Without a new photo the stored photo is used.</translation>
    </message>
</context>
<context>
    <name>RosterItemsTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="177"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="177"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="177"/>
        <source>金额(元)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="178"/>
        <source>正常发放</source>
        <translation>Regular payment</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="178"/>
        <source>补发</source>
        <translation>Arrears</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="179"/>
        <source>追回（另列，不从发放中扣除）</source>
        <translation>Recovery (separate, not deducted from payments)</translation>
    </message>
</context>
<context>
    <name>RosterLinesTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="48"/>
        <source>登记街道</source>
        <translation>Registering street</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="37"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="37"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="37"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="37"/>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="38"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="38"/>
        <source>档次</source>
        <translation>Band</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="38"/>
        <source>月标准</source>
        <translation>Monthly rate</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="38"/>
        <source>正常发放</source>
        <translation>Regular payment</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="39"/>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="40"/>
        <source>补发</source>
        <translation>Arrears</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="39"/>
        <source>发放合计</source>
        <translation>Total paid</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="39"/>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="41"/>
        <source>追回</source>
        <translation>Recovery</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="39"/>
        <source>明细</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="40"/>
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="87"/>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="255"/>
        <source>{s}：{n} 行，发放 {people} 人，合计 {paid} 元；追回 {recovery} 元。全区</source>
        <translation>{s}: {n} lines, {people} paid, total {paid} yuan; recovery {recovery} yuan. District </translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="90"/>
        <source>取消生成</source>
        <translation>Cancel build</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="181"/>
        <source>已取消生成，原有草稿未变</source>
        <translation>Build cancelled; the draft is as it was</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="319"/>
        <source>正在取消……</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="291"/>
        <source>正在检查银行账号……</source>
        <translation>Checking bank accounts…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="300"/>
        <source>生成花名册</source>
        <translation>Build roster</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="301"/>
        <source>生成的花名册不会发放给他们（账号待补录），补录后生成的花名册将补发。仍要生成吗？</source>
        <translation>The roster will not pay them (account pending); the first roster built after their account is recorded pays them as arrears. Build anyway?</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="304"/>
        <source>未生成花名册：请先补录银行账号</source>
        <translation>No roster built: record the bank accounts first</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="335"/>
        <source>；{n} 人因没有银行账号暂不发放（账号待补录）</source>
        <translation>; {n} withheld for want of a bank account (account pending)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="379"/>
        <source>他们不列入银行文件，名单在工作表“待补录账号”中。仍要导出吗？</source>
        <translation>They are left out of the bank file and listed on the sheet of missing accounts. Export anyway?</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="398"/>
        <source>；{n} 人没有银行账号，未列入银行文件，见工作表“待补录账号”</source>
        <translation>; {n} without a bank account are not in the bank file: see the sheet of missing accounts</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="405"/>
        <source>有 {n} 人享受高龄津贴但没有有效的开户银行和银行账号（12 到 30 位数字）。请在“老人档案”中选中此人，点“修改”补录开户银行和银行账号，或用命令 elderdesk people account 补录。</source>
        <translation>{n} people receiving the allowance have no valid bank and account number (12 to 30 digits). Select each in Records and click Edit to record the bank and account, or use the command elderdesk people account. </translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="68"/>
        <source>花名册</source>
        <translation>Roster</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="70"/>
        <source>追回款</source>
        <translation>Recoveries</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="78"/>
        <source>如 2026Q3</source>
        <translation>e.g. 2026Q3</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="82"/>
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="83"/>
        <source>生成</source>
        <translation>Build</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="84"/>
        <source>与上期比较</source>
        <translation>Compare with previous period</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="85"/>
        <source>冻结…</source>
        <translation>Freeze…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="86"/>
        <source>导出银行文件…</source>
        <translation>Export bank file…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="87"/>
        <source>打印花名册PDF…</source>
        <translation>Print roster PDF…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="93"/>
        <source>显示完整身份证号</source>
        <translation>Show full ID numbers</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="96"/>
        <source>期次</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="215"/>
        <source>期次 {p}：尚未生成花名册</source>
        <translation>Period {p}: no roster built yet</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="267"/>
        <source>{p} 花名册：已冻结（{at}，{who}）</source>
        <translation>Roster {p}: frozen ({at}, {who})</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="269"/>
        <source>{p} 花名册：草稿（{at} 由 {who} 生成，冻结前可重新生成）</source>
        <translation>Roster {p}: draft (built {at} by {who}; can be rebuilt until frozen)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="275"/>
        <source>合计：发放 {people} 人，正常发放 {regular} 元，补发 {arrears} 元，发放合计 {paid} 元；追回 {recovery} 元（另列，不从发放中扣除）</source>
        <translation>Total: {people} people paid, regular {regular} yuan, arrears {arrears} yuan, total paid {paid} yuan; recoveries {recovery} yuan (listed separately, not deducted)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="308"/>
        <source>正在生成 {p} 花名册……</source>
        <translation>Building roster {p}…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="331"/>
        <source>已生成 {p} 花名册草稿，共 {n} 行</source>
        <translation>Draft roster {p} built: {n} lines</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="359"/>
        <source>{p} 花名册已冻结</source>
        <translation>Roster {p} frozen</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="363"/>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="378"/>
        <source>导出银行文件</source>
        <translation>Export bank file</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="363"/>
        <source>高龄津贴银行发放_{p}.xlsx</source>
        <translation>allowance bank payments_{p}.xlsx</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="364"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="367"/>
        <source>打印花名册PDF</source>
        <translation>Print roster PDF</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="367"/>
        <source>高龄津贴发放花名册_{p}.pdf</source>
        <translation>allowance roster_{p}.pdf</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="368"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="387"/>
        <source>正在导出……</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="395"/>
        <source>已保存：{files}</source>
        <translation>Saved: {files}</translation>
    </message>
</context>
<context>
    <name>RosterSubtotalsTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="117"/>
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="117"/>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="117"/>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="117"/>
        <source>正常发放</source>
        <translation>Regular</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="118"/>
        <source>补发</source>
        <translation>Arrears</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="118"/>
        <source>发放合计</source>
        <translation>Total paid</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="118"/>
        <source>追回</source>
        <translation>Recovery</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="136"/>
        <source>（未填社区）</source>
        <translation>(no community)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="138"/>
        <source>{s} 小计</source>
        <translation>{s} subtotal</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="141"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="139"/>
        <source>首次使用：建立本机构数据库</source>
        <translation>First start: create this office&apos;s database</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="141"/>
        <source>未找到数据库文件，将新建：
{path}</source>
        <translation>No database file found; a new one will be created:
{path}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="140"/>
        <source>单位服务器上的数据库还是空的，将在其中建立本机构：
{path}</source>
        <translation>The database on the office server is still empty; this office will be set up in it:
{path}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="145"/>
        <source>例如 江汉区民意街道社区服务中心</source>
        <translation>e.g. Minyi Street Community Service Center, Jianghan District</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="148"/>
        <source>6 位数字，例如 420103</source>
        <translation>6 digits, e.g. 420103</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="154"/>
        <source>至少 {n} 个字符</source>
        <translation>At least {n} characters</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="158"/>
        <source>机构名称</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="159"/>
        <source>行政区划代码</source>
        <translation>Region code</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="160"/>
        <source>管理员用户名</source>
        <translation>Administrator user name</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="161"/>
        <source>管理员密码</source>
        <translation>Administrator password</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="162"/>
        <source>再次输入密码</source>
        <translation>Enter the password again</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="163"/>
        <source>建立数据库</source>
        <translation>Create database</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="163"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="169"/>
        <source>两次输入的密码不一致，请重新输入</source>
        <translation>The two passwords differ; please enter them again</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="175"/>
        <source>正在建立数据库……</source>
        <translation>Creating the database…</translation>
    </message>
</context>
<context>
    <name>StatChartView</name>
    <message>
        <location filename="../../elderdesk/ui/widgets/stat_chart.py" line="114"/>
        <source>单位：万</source>
        <translation>Unit: 10,000</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="75"/>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="77"/>
        <source>导出Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="79"/>
        <source>打印PDF…</source>
        <translation>Print PDF…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="82"/>
        <source>统计日期</source>
        <translation>Statistics date</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="85"/>
        <source>月度统计</source>
        <translation>Monthly statistics</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="87"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="156"/>
        <source>正在统计……</source>
        <translation>Computing statistics…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="168"/>
        <source>正在统计……（已用 {s} 秒）</source>
        <translation>Computing statistics… ({s} s so far)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="183"/>
        <source>统计完成（{office}，统计日期 {on}，用时 {s:.1f} 秒）</source>
        <translation>Statistics done ({office}, as of {on}, took {s:.1f} s)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="208"/>
        <source>导出Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="209"/>
        <source>统计报表_{d}.xlsx</source>
        <translation>statistics_{d}.xlsx</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="210"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="212"/>
        <source>打印PDF</source>
        <translation>Print PDF</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="213"/>
        <source>统计报表_{d}.pdf</source>
        <translation>statistics_{d}.pdf</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="214"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="219"/>
        <source>正在导出……</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="226"/>
        <source>已保存：{f}</source>
        <translation>Saved: {f}</translation>
    </message>
</context>
<context>
    <name>StatusModel</name>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="97"/>
        <source>机构代码</source>
        <translation>Office code</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="97"/>
        <source>机构名称</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="97"/>
        <source>已发序号</source>
        <translation>Last sent no.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="98"/>
        <source>最近发出</source>
        <translation>Last sent</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="98"/>
        <source>已收序号</source>
        <translation>Last received no.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="98"/>
        <source>最近收到</source>
        <translation>Last received</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="99"/>
        <source>待发变更</source>
        <translation>Changes waiting</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/exchange_tab.py" line="112"/>
        <source>尚无</source>
        <translation>none yet</translation>
    </message>
</context>
<context>
    <name>StopDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/stop_dialog.py" line="26"/>
        <source>停发高龄津贴</source>
        <translation>Stop the longevity allowance</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/stop_dialog.py" line="34"/>
        <source>说明停发的具体情况，可不填</source>
        <translation>Describe the stop; optional</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/stop_dialog.py" line="36"/>
        <source>老人</source>
        <translation>Elder</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/stop_dialog.py" line="37"/>
        <source>停发原因</source>
        <translation>Reason for stopping</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/stop_dialog.py" line="38"/>
        <source>停发日期</source>
        <translation>Stop date</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/stop_dialog.py" line="39"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/stop_dialog.py" line="40"/>
        <source>停发日期所在月份仍发放，此后月份不再发放；已发放的此后月份将列入追回款。死亡或迁出请在“老人档案”中登记，津贴随之自动停发。</source>
        <translation>The month of the stop date is still paid, later months are not; later months already paid go to the recoveries. Record a death or a move in Records: the allowance then stops by itself.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/stop_dialog.py" line="42"/>
        <source>确认停发</source>
        <translation>Confirm stop</translation>
    </message>
</context>
<context>
    <name>StreetFilter</name>
    <message>
        <location filename="../../elderdesk/ui/widgets/street_filter.py" line="72"/>
        <source>全部街道</source>
        <translation>All streets</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/street_filter.py" line="73"/>
        <source>只显示所选街道登记的人员</source>
        <translation>Show only the people registered by the chosen street</translation>
    </message>
</context>
<context>
    <name>SystemPage</name>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="56"/>
        <source>用户</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="60"/>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="64"/>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="63"/>
        <source>审计日志只有管理员可以查看。</source>
        <translation>Only administrators can view the audit log.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="68"/>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="73"/>
        <source>备份</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="72"/>
        <source>备份与恢复只有管理员可以操作。每天第一次打开程序时会自动备份。</source>
        <translation>Only administrators can back up and restore. A backup is made automatically when the program is first opened each day.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="74"/>
        <source>机构信息</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="75"/>
        <source>安全</source>
        <translation>Security</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="78"/>
        <source>界面</source>
        <translation>Display</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="82"/>
        <source>读卡器</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="97"/>
        <source>交换</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="100"/>
        <source>疑似重复</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="115"/>
        <source>保存机构信息</source>
        <translation>Save office details</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="120"/>
        <source>机构名称</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="121"/>
        <source>行政区划代码</source>
        <translation>Region code</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="124"/>
        <source>机构名称印在花名册、老年证和表格文书上；行政区划代码用于老年证编号，并用于核对备份是否属于本机构，请勿随意修改。</source>
        <translation>The office name is printed on rosters, senior cards and forms; the region code is used in senior card numbers and to check that a backup belongs to this office. Do not change it lightly.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="126"/>
        <source>机构信息由管理员维护。</source>
        <translation>Office details are maintained by the administrator.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="139"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="142"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="147"/>
        <source>无操作自动锁定</source>
        <translation>Lock when idle</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="151"/>
        <source>超过设定时间没有键盘或鼠标操作，程序自动锁定，须输入本人密码才能继续。登录和解锁时连续输错密码 5 次，账户锁定 15 分钟，或由管理员重置密码解除。</source>
        <translation>After the set time without keyboard or mouse input the program locks and your password is needed to continue. After 5 wrong passwords at login or unlock the account is locked for 15 minutes, or until an administrator resets the password.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="188"/>
        <source>修改行政区划代码</source>
        <translation>Change region code</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="189"/>
        <source>行政区划代码从 {old} 改为 {new} 后，新发老年证的编号随之改变，以前的备份将被视为其他机构的数据而不能恢复。确定修改吗？</source>
        <translation>After changing the region code from {old} to {new}, newly issued senior card numbers change, and earlier backups will be treated as another office&apos;s data and cannot be restored. Change it?</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="204"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="215"/>
        <source>已保存，立即生效</source>
        <translation>Saved; in effect now</translation>
    </message>
</context>
<context>
    <name>TrailTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_trail.py" line="34"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_trail.py" line="34"/>
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_trail.py" line="34"/>
        <source>办理事项</source>
        <translation>What was done</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/user_dialog.py" line="27"/>
        <source>新增用户</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/user_dialog.py" line="27"/>
        <source>修改角色</source>
        <translation>Change roles</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/user_dialog.py" line="37"/>
        <source>汉字、字母或数字，最多 32 个字符</source>
        <translation>Chinese characters, letters or digits, at most 32 characters</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/user_dialog.py" line="38"/>
        <location filename="../../elderdesk/ui/dialogs/user_dialog.py" line="40"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/user_dialog.py" line="55"/>
        <source>角色</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/user_dialog.py" line="57"/>
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/user_dialog.py" line="58"/>
        <source>再次输入密码</source>
        <translation>Enter the password again</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/user_dialog.py" line="59"/>
        <source>同一人可兼任多个角色，但任何人都不能审批自己受理或审核过的申请。</source>
        <translation>One person may hold several roles, but nobody can approve an application they accepted or reviewed.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/user_dialog.py" line="60"/>
        <source>新角色在该用户下次登录时生效。</source>
        <translation>New roles take effect at the user&apos;s next login.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/user_dialog.py" line="61"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/user_dialog.py" line="71"/>
        <source>请至少选择一个角色</source>
        <translation>Choose at least one role</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="37"/>
        <source>修改我的密码</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="43"/>
        <source>新增用户</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="44"/>
        <source>修改角色</source>
        <translation>Change roles</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="45"/>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="46"/>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="78"/>
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="53"/>
        <source>用户和角色由管理员维护。您可以在这里修改自己的密码。</source>
        <translation>Users and roles are maintained by the administrator. You can change your own password here.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="77"/>
        <source>启用</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="96"/>
        <source>共 {n} 个用户，其中 {k} 个启用</source>
        <translation>{n} users, {k} enabled</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="107"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="107"/>
        <source>密码已修改，下次登录请使用新密码。</source>
        <translation>Password changed; use the new password at the next login.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="129"/>
        <source>停用用户</source>
        <translation>Disable user</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="130"/>
        <source>停用后“{name}”将不能登录，其经办记录和审计日志保留不变。确定停用吗？</source>
        <translation>Once disabled, &quot;{name}&quot; cannot log in; their records and the audit log stay unchanged. Disable?</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="138"/>
        <source>无法完成操作</source>
        <translation>Could not complete the operation</translation>
    </message>
</context>
<context>
    <name>UsersTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/models/user_models.py" line="26"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/user_models.py" line="26"/>
        <source>角色</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/user_models.py" line="26"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/user_models.py" line="26"/>
        <source>创建时间</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/user_models.py" line="46"/>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/user_models.py" line="48"/>
        <source>密码错误次数过多，锁定至 {t}</source>
        <translation>Too many wrong passwords: locked until {t}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/user_models.py" line="50"/>
        <source>正常</source>
        <translation>Normal</translation>
    </message>
</context>
<context>
    <name>_Cover</name>
    <message>
        <location filename="../../elderdesk/ui/idle_lock.py" line="43"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../elderdesk/ui/startup.py" line="53"/>
        <source>（无法写入日志）</source>
        <translation>(could not write the log)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/startup.py" line="55"/>
        <source>程序出现意外错误</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/startup.py" line="56"/>
        <source>程序出现了意外错误，详细情况已记录到日志文件：
{path}

请把这个文件发给技术支持。刚才的操作可能没有完成，请核对后重试；如果界面显示异常，请关闭程序后重新打开。</source>
        <translation>An unexpected error occurred; the details were written to the log file:
{path}

Please send this file to technical support. The last operation may not have completed: check and try again; if the window looks wrong, close the program and open it again.</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/startup.py" line="149"/>
        <source>（数据库已损坏，只读）</source>
        <translation> (database damaged, read-only)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/startup.py" line="150"/>
        <source>数据库已损坏：只能查询，不能修改</source>
        <translation>Database damaged: look-up only, no changes</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/startup.py" line="153"/>
        <source>最近的备份：{file}</source>
        <translation>Latest backup: {file}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/startup.py" line="154"/>
        <source>备份文件夹中没有找到备份，请查找其他备份（如U盘）。</source>
        <translation>No backup found in the backup folder; look for other backups (e.g. a USB stick).</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/startup.py" line="155"/>
        <source>数据库文件已损坏</source>
        <translation>Database file damaged</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/startup.py" line="155"/>
        <source>启动检查发现数据库文件已损坏。

为防止进一步损坏，程序已停止写入：可以查询，但不能登记或修改任何信息。

恢复方法：请管理员在“系统 → 备份”中选中最近的备份，点“从备份恢复…”；也可以关闭本程序后在命令行运行
    elderdesk backup restore 备份文件
恢复前程序会检查备份是否完好、是否属于本机构，并先另存当前数据库。

备份文件夹：{folder}
{latest}

技术信息：{detail}</source>
        <translation>The startup check found the database file damaged.

To prevent further damage the program has stopped writing: you can look things up, but cannot register or change anything.

To recover: an administrator selects the latest backup under “System → Backups” and clicks “Restore from backup…”; or closes this program and runs on the command line
    elderdesk backup restore BACKUP-FILE
Before restoring, the program checks that the backup is sound and belongs to this office, and keeps a copy of the current database.

Backup folder: {folder}
{latest}

Technical details: {detail}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/startup.py" line="166"/>
        <source>今日自动备份已完成：{file}</source>
        <translation>Today&apos;s automatic backup done: {file}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/startup.py" line="172"/>
        <source>今日自动备份未完成</source>
        <translation>Today&apos;s automatic backup not done</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/startup.py" line="172"/>
        <source>今日自动备份未完成：{error}

程序可以照常使用；下次启动时会再试。</source>
        <translation>Today&apos;s automatic backup was not done: {error}

You can use the program as usual; it will try again at the next start.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../elderdesk/ui/errors.py" line="39"/>
        <source>无法完成操作</source>
        <translation>Could not complete the operation</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/errors.py" line="48"/>
        <source>请核实</source>
        <translation>Please check</translation>
    </message>
</context>
<context>
    <name>keys</name>
    <message>
        <location filename="../../elderdesk/ui/keys.py" line="64"/>
        <source>{what}（无此权限）</source>
        <translation>{what} (no permission)</translation>
    </message>
</context>
<context>
    <name>unmask</name>
    <message>
        <location filename="../../elderdesk/ui/widgets/unmask.py" line="19"/>
        <source>只有经办、审批人员和管理员可以查看完整身份证号和银行账号</source>
        <translation>Only clerks, approvers and administrators can see full ID and account numbers</translation>
    </message>
</context>
</TS>
