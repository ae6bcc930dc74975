<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="zh_CN">
<context>
    <name>AllowancePage</name>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="69"/>
        <source>即将满80周岁</source>
        <translation>即将满80周岁</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="71"/>
        <source>本月起两个月内年满起始年龄、尚未申请的老人，可通知其前来申请。</source>
        <translation>本月起两个月内年满起始年龄、尚未申请的老人，可通知其前来申请。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="74"/>
        <source>待审核</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="75"/>
        <source>待审批</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="75"/>
        <source>已退回</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="76"/>
        <source>享受中</source>
        <translation>享受中</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="81"/>
        <source>生存认证</source>
        <translation>生存认证</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="83"/>
        <source>认证有效期一个月内到期或已过期的享受人员；逾期未认证的月份暂停发放，认证后补发。</source>
        <translation>认证有效期一个月内到期或已过期的享受人员；逾期未认证的月份暂停发放，认证后补发。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="86"/>
        <source>政策</source>
        <translation>政策</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="87"/>
        <source>显示完整身份证号</source>
        <translation>显示完整身份证号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="89"/>
        <source>刷新 (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="115"/>
        <source>受理申请</source>
        <translation>受理申请</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="117"/>
        <source>按身份证号受理…</source>
        <translation>按身份证号受理…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="118"/>
        <source>重新受理</source>
        <translation>重新受理</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="122"/>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="224"/>
        <source>审核通过</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="123"/>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="224"/>
        <source>审核退回</source>
        <translation>审核退回</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="126"/>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="240"/>
        <source>批准</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="127"/>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="240"/>
        <source>不予批准</source>
        <translation>不予批准</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="130"/>
        <source>登记生存认证</source>
        <translation>登记生存认证</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="133"/>
        <source>停发</source>
        <translation>停发</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="146"/>
        <source>加载政策文件…</source>
        <translation>加载政策文件…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="179"/>
        <source>{band} 岁每月 {amount} 元</source>
        <translation>{band} 岁每月 {amount} 元</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="181"/>
        <source>按季发放</source>
        <translation>按季发放</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="181"/>
        <source>按月发放</source>
        <translation>按月发放</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="182"/>
        <source>每 {n} 个月生存认证一次</source>
        <translation>每 {n} 个月生存认证一次</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="183"/>
        <source>不要求生存认证</source>
        <translation>不要求生存认证</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="184"/>
        <source>现行政策（自 {since} 起）：{bands}；{period}；{cert}。</source>
        <translation>现行政策（自 {since} 起）：{bands}；{period}；{cert}。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="241"/>
        <source>批准后自下一期花名册起发放（含应补发的月份）。</source>
        <translation>批准后自下一期花名册起发放（含应补发的月份）。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="270"/>
        <source>选择政策文件</source>
        <translation>选择政策文件</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="270"/>
        <source>政策文件 (*.toml)</source>
        <translation>政策文件 (*.toml)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="276"/>
        <source>正在加载……</source>
        <translation>正在加载……</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/allowance_page.py" line="282"/>
        <source>已加载政策文件：{path}</source>
        <translation>已加载政策文件：{path}</translation>
    </message>
</context>
<context>
    <name>ApplicationDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="46"/>
        <source>受理高龄津贴申请</source>
        <translation>受理高龄津贴申请</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="58"/>
        <source>身份证号</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="59"/>
        <source>申请日期</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="60"/>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="60"/>
        <source>满龄月份</source>
        <translation>满龄月份</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="61"/>
        <source>最早可受理</source>
        <translation>最早可受理</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="61"/>
        <source>津贴档次</source>
        <translation>津贴档次</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="62"/>
        <source>发放起始</source>
        <translation>发放起始</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="62"/>
        <source>现有申请</source>
        <translation>现有申请</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="71"/>
        <source>受理</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="72"/>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="125"/>
        <source>申请日期时高龄津贴政策尚未实施</source>
        <translation>申请日期时高龄津贴政策尚未实施</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="130"/>
        <source>{y}年{m}月满 {age} 周岁</source>
        <translation>{y}年{m}月满 {age} 周岁</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="136"/>
        <source>{band} 岁档，每月 {amount} 元</source>
        <translation>{band} 岁档，每月 {amount} 元</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="140"/>
        <source>（申请日期 {d}）</source>
        <translation>（申请日期 {d}）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="141"/>
        <source>无</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="147"/>
        <source>{d}（所选日期早于此日，不能受理）</source>
        <translation>{d}（所选日期早于此日，不能受理）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="156"/>
        <source>{y}年{m}月起（经审核审批后）</source>
        <translation>{y}年{m}月起（经审核审批后）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/application_dialog.py" line="158"/>
        <source>；申请前的月份随花名册一并补发</source>
        <translation>；申请前的月份随花名册一并补发</translation>
    </message>
</context>
<context>
    <name>ApplicationsTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="82"/>
        <source>身份证号</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="82"/>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="82"/>
        <source>出生日期</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="82"/>
        <source>社区</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="83"/>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="83"/>
        <source>受理日期</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="83"/>
        <source>受理人</source>
        <translation>受理人</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="84"/>
        <source>审核日期</source>
        <translation>审核日期</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="84"/>
        <source>审核人</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="84"/>
        <source>原因</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="46"/>
        <source>不限</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="69"/>
        <source>身份证号</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="73"/>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="75"/>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="147"/>
        <source>全部</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="79"/>
        <source>查询</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="83"/>
        <source>显示完整身份证号</source>
        <translation>显示完整身份证号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="85"/>
        <source>导出 Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="87"/>
        <source>校验审计日志</source>
        <translation>校验审计日志</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="88"/>
        <source>重新计算每条记录的哈希链，发现程序外的修改</source>
        <translation>重新计算每条记录的哈希链，发现程序外的修改</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="91"/>
        <source>人员</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="93"/>
        <source>操作员</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="95"/>
        <source>类别</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="97"/>
        <source>日期从</source>
        <translation>日期从</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="99"/>
        <source>至</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="112"/>
        <source>选中一条记录，在这里查看每项变更（原值 → 新值）</source>
        <translation>选中一条记录，在这里查看每项变更（原值 → 新值）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="140"/>
        <source>正在查询……</source>
        <translation>正在查询……</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="153"/>
        <source>，向下滚动显示更早的记录</source>
        <translation>，向下滚动显示更早的记录</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="154"/>
        <source>已显示 {n} 条记录{more}</source>
        <translation>已显示 {n} 条记录{more}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="155"/>
        <source>没有符合条件的审计记录</source>
        <translation>没有符合条件的审计记录</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="173"/>
        <source>导出审计日志</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="174"/>
        <source>审计日志_{d}.xlsx</source>
        <translation>审计日志_{d}.xlsx</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="175"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="180"/>
        <source>正在导出……</source>
        <translation>正在导出……</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="187"/>
        <source>已导出 {n} 条记录到 {path}</source>
        <translation>已导出 {n} 条记录到 {path}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="196"/>
        <source>正在校验审计日志……</source>
        <translation>正在校验审计日志……</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="203"/>
        <source>审计日志完整：共 {n} 条记录，哈希链无断点。</source>
        <translation>审计日志完整：共 {n} 条记录，哈希链无断点。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/audit_tab.py" line="208"/>
        <source>审计日志在第 {n} 条记录处断链：该记录或其之前的记录曾在程序外被修改。请保留现场并报告管理员，可从备份恢复核对。</source>
        <translation>审计日志在第 {n} 条记录处断链：该记录或其之前的记录曾在程序外被修改。请保留现场并报告管理员，可从备份恢复核对。</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/models/audit_models.py" line="40"/>
        <source>记录号</source>
        <translation>记录号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/audit_models.py" line="40"/>
        <source>时间</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/audit_models.py" line="40"/>
        <source>操作员</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/audit_models.py" line="40"/>
        <source>操作</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/audit_models.py" line="41"/>
        <source>对象</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/audit_models.py" line="41"/>
        <source>变更内容</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/audit_models.py" line="104"/>
        <source>第 {id} 条&#x3000;{at}&#x3000;{op}&#x3000;{action}</source>
        <translation>第 {id} 条&#x3000;{at}&#x3000;{op}&#x3000;{action}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/audit_models.py" line="108"/>
        <source>（无字段变化）</source>
        <translation>（无字段变化）</translation>
    </message>
</context>
<context>
    <name>BackupsTab</name>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="98"/>
        <source>选择文件夹…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="100"/>
        <source>立即备份</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="101"/>
        <source>从备份恢复…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="102"/>
        <source>用表中选中的备份替换当前数据库</source>
        <translation>用表中选中的备份替换当前数据库</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="103"/>
        <source>从其他文件恢复…</source>
        <translation>从其他文件恢复…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="104"/>
        <source>选择其他位置（如另一个U盘）的备份文件</source>
        <translation>选择其他位置（如另一个U盘）的备份文件</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="113"/>
        <source>备份文件夹：</source>
        <translation>备份文件夹：</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="122"/>
        <source>每天第一次打开程序时自动备份一次；保留最近 7 天每天一份、4 周每周一份、12 个月每月一份。请把备份文件夹设在U盘上，并每周检查一次。</source>
        <translation>每天第一次打开程序时自动备份一次；保留最近 7 天每天一份、4 周每周一份、12 个月每月一份。请把备份文件夹设在U盘上，并每周检查一次。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="172"/>
        <source>备份文件夹中共有 {n} 份备份</source>
        <translation>备份文件夹中共有 {n} 份备份</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="173"/>
        <source>备份文件夹中还没有备份，请点“立即备份”</source>
        <translation>备份文件夹中还没有备份，请点“立即备份”</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="177"/>
        <source>选择备份文件夹（如U盘）</source>
        <translation>选择备份文件夹（如U盘）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="186"/>
        <source>自动备份文件夹已设为 {folder}</source>
        <translation>自动备份文件夹已设为 {folder}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="194"/>
        <source>正在备份……</source>
        <translation>正在备份……</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="200"/>
        <source>已备份到 {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="215"/>
        <source>选择要恢复的备份文件</source>
        <translation>选择要恢复的备份文件</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="216"/>
        <source>ElderDesk 数据库 (*.db);;所有文件 (*)</source>
        <translation>ElderDesk 数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="221"/>
        <source>（{when} 的数据）</source>
        <translation>（{when} 的数据）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="223"/>
        <source>用备份文件
{file}{made}
替换当前数据库。

• 恢复前程序先检查这份备份是否完好、是否属于本机构；不通过则不做任何改动。
• 当前数据库会先另存一份（在 {folder} 中，文件名含 before-restore），需要时仍可找回。
• 备份之后登记或修改的信息不在恢复后的数据中，请恢复后补登。
• 恢复完成后程序回到登录界面，请重新登录。

确定恢复吗？</source>
        <translation>用备份文件
{file}{made}
替换当前数据库。

• 恢复前程序先检查这份备份是否完好、是否属于本机构；不通过则不做任何改动。
• 当前数据库会先另存一份（在 {folder} 中，文件名含 before-restore），需要时仍可找回。
• 备份之后登记或修改的信息不在恢复后的数据中，请恢复后补登。
• 恢复完成后程序回到登录界面，请重新登录。

确定恢复吗？</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="234"/>
        <source>从备份恢复</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="243"/>
        <source>还有操作正在进行（例如导入），请等它完成后再恢复。</source>
        <translation>还有操作正在进行（例如导入），请等它完成后再恢复。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="249"/>
        <source>正在检查备份并恢复……</source>
        <translation>正在检查备份并恢复……</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="261"/>
        <source>原数据库已另存为：
{kept}

</source>
        <translation>原数据库已另存为：
{kept}

</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="262"/>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="263"/>
        <source>已从备份恢复</source>
        <translation>已从备份恢复</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="264"/>
        <source>已从备份恢复。

{kept}程序将回到登录界面，请重新登录，并查几位最近登记的老人，确认数据正确。</source>
        <translation>已从备份恢复。

{kept}程序将回到登录界面，请重新登录，并查几位最近登记的老人，确认数据正确。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="271"/>
        <source>未能恢复</source>
        <translation>未能恢复</translation>
    </message>
</context>
<context>
    <name>BackupsTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="45"/>
        <source>备份时间</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="45"/>
        <source>种类</source>
        <translation>种类</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="45"/>
        <source>大小</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="45"/>
        <source>文件名</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="46"/>
        <source>每日自动</source>
        <translation>每日自动</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="46"/>
        <source>手动</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/backups_tab.py" line="47"/>
        <source>升级前</source>
        <translation>升级前</translation>
    </message>
</context>
<context>
    <name>CalibrationDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="33"/>
        <source>（未指定打印机）</source>
        <translation>（未指定打印机）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="47"/>
        <source>套打校准</source>
        <translation>套打校准</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="52"/>
        <source>保存校准页PDF…</source>
        <translation>保存校准页PDF…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="54"/>
        <source>打印校准页…</source>
        <translation>打印校准页…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="63"/>
        <source>打印机</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="64"/>
        <source>X 偏移（向右为正）</source>
        <translation>X 偏移（向右为正）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="65"/>
        <source>Y 偏移（向下为正）</source>
        <translation>Y 偏移（向下为正）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="66"/>
        <source>已保存</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="67"/>
        <source>校准页</source>
        <translation>校准页</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="70"/>
        <source>套打（预印证本）时每台打印机的进纸位置略有不同。先按当前偏移打印校准页到空白证本，用直尺量刻度“20”到纸张左边缘和上边缘的距离：横向量得 20 + a 毫米，X 偏移减 a；纵向量得 20 + b 毫米，Y 偏移减 b。保存后重新打印校准页核对。</source>
        <translation>套打（预印证本）时每台打印机的进纸位置略有不同。先按当前偏移打印校准页到空白证本，用直尺量刻度“20”到纸张左边缘和上边缘的距离：横向量得 20 + a 毫米，X 偏移减 a；纵向量得 20 + b 毫米，Y 偏移减 b。保存后重新打印校准页核对。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="72"/>
        <source>保存偏移</source>
        <translation>保存偏移</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="81"/>
        <source> 毫米</source>
        <translation> 毫米</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="97"/>
        <source>X {x:+.1f} 毫米，Y {y:+.1f} 毫米</source>
        <translation>X {x:+.1f} 毫米，Y {y:+.1f} 毫米</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="106"/>
        <source>保存校准页</source>
        <translation>保存校准页</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="106"/>
        <source>套打校准页.pdf</source>
        <translation>套打校准页.pdf</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="107"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="113"/>
        <source>已保存校准页：{path}</source>
        <translation>已保存校准页：{path}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/calibration_dialog.py" line="119"/>
        <source>校准页已送往打印机</source>
        <translation>校准页已送往打印机</translation>
    </message>
</context>
<context>
    <name>CardIssueDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="89"/>
        <source>发放老年证</source>
        <translation>发放老年证</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="92"/>
        <source>发证</source>
        <translation>发证</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="97"/>
        <source>{name}&#x3000;{id}&#x3000;{age} 岁</source>
        <translation>{name}&#x3000;{id}&#x3000;{age} 岁</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="102"/>
        <source>选择照片… (Ctrl+O)</source>
        <translation>选择照片… (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="119"/>
        <source>发证日期</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="120"/>
        <source>卡种</source>
        <translation>卡种</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="121"/>
        <source>工本费</source>
        <translation>工本费</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="126"/>
        <source>正在生成预览…</source>
        <translation>正在生成预览…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="127"/>
        <source>证面预览（样张）：编号和二维码在发证时生成</source>
        <translation>证面预览（样张）：编号和二维码在发证时生成</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="149"/>
        <source>照片保存在数据库中。发证后请打印老年证，并在领取时登记领证。</source>
        <translation>照片保存在数据库中。发证后请打印老年证，并在领取时登记领证。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="153"/>
        <source>新照片：{name}。拖动黄框选取头像，拖动四角或滚轮调整大小。</source>
        <translation>新照片：{name}。拖动黄框选取头像，拖动四角或滚轮调整大小。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="156"/>
        <source>未选择新照片：使用此人已存的照片。</source>
        <translation>未选择新照片：使用此人已存的照片。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="158"/>
        <source>此人还没有照片：可以不用照片发证，证上留出照片框。</source>
        <translation>此人还没有照片：可以不用照片发证，证上留出照片框。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="172"/>
        <source>未到办证年龄</source>
        <translation>未到办证年龄</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="180"/>
        <source>{a}–{b} 周岁</source>
        <translation>{a}–{b} 周岁</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="181"/>
        <source>{a} 周岁以上</source>
        <translation>{a} 周岁以上</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="182"/>
        <source>{type}（{band}）</source>
        <translation>{type}（{band}）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="187"/>
        <source>{fee} 元（首次发证）</source>
        <translation>{fee} 元（首次发证）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="188"/>
        <source>免费（首次发证）</source>
        <translation>免费（首次发证）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="195"/>
        <source>选择照片</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="195"/>
        <source>照片 (*.jpg *.jpeg *.png)</source>
        <translation>照片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="255"/>
        <source>样张</source>
        <translation>样张</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/card_issue_dialog.py" line="267"/>
        <source>照片</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>CardPrintBar</name>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="37"/>
        <source>整卡（空白卡）</source>
        <translation>整卡（空白卡）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="37"/>
        <source>套打（预印证本）</source>
        <translation>套打（预印证本）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="38"/>
        <source>A4 整版（带裁切线）</source>
        <translation>A4 整版（带裁切线）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="44"/>
        <source>打印预览…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="45"/>
        <source>打印…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="46"/>
        <source>保存PDF…</source>
        <translation>保存PDF…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="47"/>
        <source>套打校准…</source>
        <translation>套打校准…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="50"/>
        <source>打印方式</source>
        <translation>打印方式</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="52"/>
        <source>打印机</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="87"/>
        <source>老年证打印预览：{who}</source>
        <translation>老年证打印预览：{who}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="88"/>
        <source>打印预览：{who}</source>
        <translation>打印预览：{who}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="96"/>
        <source>已送往打印机：{who}，{pages} 页</source>
        <translation>已送往打印机：{who}，{pages} 页</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="103"/>
        <source>保存老年证PDF</source>
        <translation>保存老年证PDF</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="104"/>
        <source>老年证_{who}.pdf</source>
        <translation>老年证_{who}.pdf</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="105"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="111"/>
        <source>已保存 {path}：{cards} 张老年证，{pages} 页</source>
        <translation>已保存 {path}：{cards} 张老年证，{pages} 页</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_print_bar.py" line="124"/>
        <source>已保存套打校准偏移：X {x:+.1f} 毫米，Y {y:+.1f} 毫米</source>
        <translation>已保存套打校准偏移：X {x:+.1f} 毫米，Y {y:+.1f} 毫米</translation>
    </message>
</context>
<context>
    <name>CardSummary</name>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_summary.py" line="33"/>
        <source>{status}，未领取</source>
        <translation>{status}，未领取</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_summary.py" line="35"/>
        <source>{status}，{date} 由 {agent} 代领</source>
        <translation>{status}，{date} 由 {agent} 代领</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_summary.py" line="37"/>
        <source>{status}，{date} 本人领取</source>
        <translation>{status}，{date} 本人领取</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_summary.py" line="41"/>
        <source>{status}（{date}{reason}）</source>
        <translation>{status}（{date}{reason}）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_summary.py" line="55"/>
        <source>老年证</source>
        <translation>老年证</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_summary.py" line="57"/>
        <source>办证… (Ctrl+K)</source>
        <translation>办证… (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_summary.py" line="64"/>
        <source>尚未办理老年证</source>
        <translation>尚未办理老年证</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_summary.py" line="69"/>
        <source>编号</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_summary.py" line="69"/>
        <source>卡种</source>
        <translation>卡种</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_summary.py" line="70"/>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_summary.py" line="70"/>
        <source>发证日期</source>
        <translation>发证日期</translation>
    </message>
</context>
<context>
    <name>CardsPage</name>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="79"/>
        <source>输入姓名、拼音首字母或身份证号的任意几位</source>
        <translation>输入姓名、拼音首字母或身份证号的任意几位</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="83"/>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="157"/>
        <source>使用档案页所选</source>
        <translation>使用档案页所选</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="86"/>
        <source>显示完整身份证号</source>
        <translation>显示完整身份证号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="89"/>
        <source>查找</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="111"/>
        <source>刷新</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="113"/>
        <source>按住 Ctrl 或 Shift 可选择多张一起打印（A4 整版）</source>
        <translation>按住 Ctrl 或 Shift 可选择多张一起打印（A4 整版）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="118"/>
        <source>近期发证</source>
        <translation>近期发证</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="156"/>
        <source>使用档案页所选：{name}</source>
        <translation>使用档案页所选：{name}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="243"/>
        <source>已发放</source>
        <translation>已发放</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="248"/>
        <source>已补换</source>
        <translation>已补换</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="255"/>
        <source>已登记领取：老年证 {no}（{name}）</source>
        <translation>已登记领取：老年证 {no}（{name}）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="262"/>
        <source>{verb}{type} {no}（{name}），工本费 {fee} 元。可以打印老年证。</source>
        <translation>{verb}{type} {no}（{name}），工本费 {fee} 元。可以打印老年证。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/cards_page.py" line="278"/>
        <source>{n}张</source>
        <translation>{n}张</translation>
    </message>
</context>
<context>
    <name>CardsTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/models/card_models.py" line="24"/>
        <source>编号</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/card_models.py" line="24"/>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/card_models.py" line="24"/>
        <source>身份证号</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/card_models.py" line="24"/>
        <source>卡种</source>
        <translation>卡种</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/card_models.py" line="25"/>
        <source>事由</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/card_models.py" line="25"/>
        <source>发证日期</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/card_models.py" line="25"/>
        <source>工本费</source>
        <translation>工本费</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/card_models.py" line="25"/>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/card_models.py" line="26"/>
        <source>领取</source>
        <translation>领取</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/card_models.py" line="31"/>
        <source>（{date}）</source>
        <translation>（{date}）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/card_models.py" line="38"/>
        <source>未领取</source>
        <translation>未领取</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/card_models.py" line="40"/>
        <source>{date} 代领：{agent}</source>
        <translation>{date} 代领：{agent}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/card_models.py" line="42"/>
        <source>{date} 本人领取</source>
        <translation>{date} 本人领取</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/compare_dialog.py" line="29"/>
        <source>与上期比较</source>
        <translation>与上期比较</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/compare_dialog.py" line="34"/>
        <source>{period} 与上期 {previous} 比较：</source>
        <translation>{period} 与上期 {previous} 比较：</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/compare_dialog.py" line="37"/>
        <source>{period} 之前没有已冻结的花名册，全部作为新增：</source>
        <translation>{period} 之前没有已冻结的花名册，全部作为新增：</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/compare_dialog.py" line="39"/>
        <source>新增 {new} 人，停发 {stopped} 人，档次变化 {band} 人，有补发 {arrears} 人，有追回 {recovery} 人。</source>
        <translation>新增 {new} 人，停发 {stopped} 人，档次变化 {band} 人，有补发 {arrears} 人，有追回 {recovery} 人。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/compare_dialog.py" line="47"/>
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ComparisonTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="128"/>
        <source>变化</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="128"/>
        <source>身份证号</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="128"/>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="128"/>
        <source>社区</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="129"/>
        <source>上期档次</source>
        <translation>上期档次</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="129"/>
        <source>本期档次</source>
        <translation>本期档次</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="129"/>
        <source>本期发放</source>
        <translation>本期发放</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="130"/>
        <source>本期追回</source>
        <translation>本期追回</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="131"/>
        <source>新增</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="131"/>
        <source>停发</source>
        <translation>停发</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="132"/>
        <source>档次变化</source>
        <translation>档次变化</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="132"/>
        <source>有补发</source>
        <translation>有补发</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="133"/>
        <source>有追回</source>
        <translation>有追回</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/decision_dialog.py" line="40"/>
        <source>必填，例如：材料不全，请补交户口簿复印件</source>
        <translation>必填，例如：材料不全，请补交户口簿复印件</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/decision_dialog.py" line="41"/>
        <source>可不填</source>
        <translation>可不填</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/decision_dialog.py" line="44"/>
        <source>老人</source>
        <translation>老人</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/decision_dialog.py" line="45"/>
        <source>日期</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/decision_dialog.py" line="47"/>
        <source>原因（必填）</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/decision_dialog.py" line="47"/>
        <source>意见</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/decision_dialog.py" line="51"/>
        <source>确定</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/decision_dialog.py" line="63"/>
        <source>请填写原因</source>
        <translation>请填写原因</translation>
    </message>
</context>
<context>
    <name>DisplayTab</name>
    <message>
        <location filename="../../elderdesk/ui/pages/display_tab.py" line="20"/>
        <source>{label}（{points} 磅）</source>
        <translation>{label}（{points} 磅）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/display_tab.py" line="28"/>
        <source>界面语言</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/display_tab.py" line="29"/>
        <source>字体大小</source>
        <translation>字体大小</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/display_tab.py" line="32"/>
        <source>这些设置只保存在本机。字体大小立即生效；界面语言在下次启动程序时生效。出错提示目前只有中文。</source>
        <translation>这些设置只保存在本机。字体大小立即生效；界面语言在下次启动程序时生效。出错提示目前只有中文。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/display_tab.py" line="42"/>
        <source>已保存：下次启动程序时生效。</source>
        <translation>已保存：下次启动程序时生效。</translation>
    </message>
</context>
<context>
    <name>DuePeopleTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="110"/>
        <source>认证有效期至</source>
        <translation>认证有效期至</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="110"/>
        <source>满龄月份</source>
        <translation>满龄月份</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="111"/>
        <source>身份证号</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="111"/>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="111"/>
        <source>出生日期</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="111"/>
        <source>社区</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="112"/>
        <source>联系电话</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="116"/>
        <source>{y}年{m}月</source>
        <translation>{y}年{m}月</translation>
    </message>
</context>
<context>
    <name>EndDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/end_dialog.py" line="29"/>
        <source>登记死亡</source>
        <translation>登记死亡</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/end_dialog.py" line="29"/>
        <source>登记迁出</source>
        <translation>登记迁出</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/end_dialog.py" line="32"/>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/end_dialog.py" line="33"/>
        <source>身份证号</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/end_dialog.py" line="34"/>
        <source>死亡日期</source>
        <translation>死亡日期</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/end_dialog.py" line="34"/>
        <source>迁出日期</source>
        <translation>迁出日期</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/end_dialog.py" line="35"/>
        <source>登记后此人状态变为“已故”，高龄津贴按政策停发。此操作记入审计日志。</source>
        <translation>登记后此人状态变为“已故”，高龄津贴按政策停发。此操作记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/end_dialog.py" line="37"/>
        <source>登记后此人状态变为“迁出”，高龄津贴按政策停发。此操作记入审计日志。</source>
        <translation>登记后此人状态变为“迁出”，高龄津贴按政策停发。此操作记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/end_dialog.py" line="38"/>
        <source>确认登记</source>
        <translation>确认登记</translation>
    </message>
</context>
<context>
    <name>FindingsTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/models/findings_model.py" line="24"/>
        <source>行号</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/findings_model.py" line="24"/>
        <source>级别</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/findings_model.py" line="24"/>
        <source>代码</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/findings_model.py" line="24"/>
        <source>身份证号</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/findings_model.py" line="25"/>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/findings_model.py" line="25"/>
        <source>说明</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/findings_model.py" line="26"/>
        <source>错误</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/findings_model.py" line="26"/>
        <source>警告</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>FormsPage</name>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="62"/>
        <source>18 位身份证号</source>
        <translation>18 位身份证号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="76"/>
        <source>至</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="79"/>
        <source>名单中显示完整身份证号</source>
        <translation>名单中显示完整身份证号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="85"/>
        <source>表格</source>
        <translation>表格</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="86"/>
        <source>身份证号</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="88"/>
        <source>月份</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="89"/>
        <source>发证日期</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="90"/>
        <source>填表日期</source>
        <translation>填表日期</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="92"/>
        <source>预览</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="94"/>
        <source>生成PDF… (Ctrl+P)</source>
        <translation>生成PDF… (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="106"/>
        <source>选择表格，填写身份证号或月份，按“预览”核对表格内容，再按“生成PDF”保存。</source>
        <translation>选择表格，填写身份证号或月份，按“预览”核对表格内容，再按“生成PDF”保存。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="143"/>
        <source>留空则为全部有未结清追回款的人员，每人一页</source>
        <translation>留空则为全部有未结清追回款的人员，每人一页</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="175"/>
        <source>保存PDF</source>
        <translation>保存PDF</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="175"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="195"/>
        <source>正在生成……</source>
        <translation>正在生成……</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="195"/>
        <source>正在读取……</source>
        <translation>正在读取……</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="203"/>
        <source>已保存：{f}</source>
        <translation>已保存：{f}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/forms_page.py" line="203"/>
        <source>预览如下</source>
        <translation>预览如下</translation>
    </message>
</context>
<context>
    <name>FreezeDialog</name>
    <message>
        <source>{n} 人没有有效的开户银行和银行账号，本期不发放（账号待补录），共 {amount} 元。请在“老人档案”中点“修改”或用 elderdesk people account 补录，补录后生成的花名册将补发。</source>
        <translation>{n} 人没有有效的开户银行和银行账号，本期不发放（账号待补录），共 {amount} 元。请在“老人档案”中点“修改”或用 elderdesk people account 补录，补录后生成的花名册将补发。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="21"/>
        <source>冻结花名册</source>
        <translation>冻结花名册</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="25"/>
        <source>期次</source>
        <translation>期次</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="26"/>
        <source>发放人数</source>
        <translation>发放人数</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="26"/>
        <source>{n} 人</source>
        <translation>{n} 人</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="27"/>
        <source>正常发放</source>
        <translation>正常发放</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="28"/>
        <source>补发</source>
        <translation>补发</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="29"/>
        <source>发放合计</source>
        <translation>发放合计</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="30"/>
        <source>合计（大写）</source>
        <translation>合计（大写）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="31"/>
        <source>追回（另列）</source>
        <translation>追回（另列）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="36"/>
        <source>冻结后花名册不能再修改，发放金额记入发放台账，并可导出银行文件。请核对人数和金额无误后再冻结。</source>
        <translation>冻结后花名册不能再修改，发放金额记入发放台账，并可导出银行文件。请核对人数和金额无误后再冻结。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="41"/>
        <source>确认冻结</source>
        <translation>确认冻结</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="43"/>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/freeze_dialog.py" line="54"/>
        <source>{amount} 元</source>
        <translation>{amount} 元</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="136"/>
        <source>月份</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="136"/>
        <source>档次</source>
        <translation>档次</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="136"/>
        <source>应享受(元)</source>
        <translation>应享受(元)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="136"/>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="137"/>
        <source>已发(元)</source>
        <translation>已发(元)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="137"/>
        <source>说明</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="138"/>
        <source>应发</source>
        <translation>应发</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="138"/>
        <source>暂停（待生存认证）</source>
        <translation>暂停（待生存认证）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/allowance_models.py" line="139"/>
        <source>不享受</source>
        <translation>不享受</translation>
    </message>
</context>
<context>
    <name>IdCheck</name>
    <message>
        <location filename="../../elderdesk/ui/widgets/id_check.py" line="37"/>
        <source>请输入 18 位身份证号（15 位旧号码会自动转换）</source>
        <translation>请输入 18 位身份证号（15 位旧号码会自动转换）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/id_check.py" line="41"/>
        <source>已输入 {n} 位</source>
        <translation>已输入 {n} 位</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/id_check.py" line="46"/>
        <source>出生日期 {birth}&#x3000;性别 {sex}&#x3000;{age} 岁</source>
        <translation>出生日期 {birth}&#x3000;性别 {sex}&#x3000;{age} 岁</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/id_check.py" line="50"/>
        <source>15 位旧号码已转换为 18 位：{number}</source>
        <translation>15 位旧号码已转换为 18 位：{number}</translation>
    </message>
</context>
<context>
    <name>IdNumberEdit</name>
    <message>
        <location filename="../../elderdesk/ui/widgets/id_check.py" line="65"/>
        <source>例如 420103194903120012</source>
        <translation>例如 420103194903120012</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="55"/>
        <source>导入 Excel 名册</source>
        <translation>导入 Excel 名册</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="61"/>
        <source>人员名册（登记新人员）</source>
        <translation>人员名册（登记新人员）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="62"/>
        <source>死亡名单（登记死亡）</source>
        <translation>死亡名单（登记死亡）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="64"/>
        <source>下载空白模板…</source>
        <translation>下载空白模板…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="65"/>
        <source>保存一份空白的人员名册模板（Excel），身份证号列已设为文本格式</source>
        <translation>保存一份空白的人员名册模板（Excel），身份证号列已设为文本格式</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="72"/>
        <source>选择 .xlsx 或 .xls 文件</source>
        <translation>选择 .xlsx 或 .xls 文件</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="73"/>
        <source>浏览…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="79"/>
        <source>留空则读取第一个工作表</source>
        <translation>留空则读取第一个工作表</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="80"/>
        <source>试运行：只检查，不写入数据库</source>
        <translation>试运行：只检查，不写入数据库</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="81"/>
        <source>严格模式：任何一行有错误则全部不导入</source>
        <translation>严格模式：任何一行有错误则全部不导入</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="82"/>
        <source>在名册旁保存检查报告（.xlsx）</source>
        <translation>在名册旁保存检查报告（.xlsx）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="85"/>
        <source>名册类型</source>
        <translation>名册类型</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="86"/>
        <source>文件</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="87"/>
        <source>工作表</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="106"/>
        <source>打开报告所在文件夹</source>
        <translation>打开报告所在文件夹</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="111"/>
        <source>显示完整身份证号</source>
        <translation>显示完整身份证号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="115"/>
        <source>开始导入</source>
        <translation>开始导入</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="118"/>
        <source>取消导入</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="121"/>
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="145"/>
        <source>选择名册</source>
        <translation>选择名册</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="146"/>
        <source>Excel 工作簿 (*.xlsx *.xls)</source>
        <translation>Excel 工作簿 (*.xlsx *.xls)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="152"/>
        <source>保存空白模板</source>
        <translation>保存空白模板</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="153"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="160"/>
        <source>人员名册模板.xlsx</source>
        <translation>人员名册模板.xlsx</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="167"/>
        <source>模板没有保存：{error}。如果该文件正在 Excel 中打开，请先关闭它或换一个文件名。</source>
        <translation>模板没有保存：{error}。如果该文件正在 Excel 中打开，请先关闭它或换一个文件名。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="171"/>
        <source>空白模板已保存到：{path}。填好后再选择该文件导入。</source>
        <translation>空白模板已保存到：{path}。填好后再选择该文件导入。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="181"/>
        <source>请先选择要导入的文件</source>
        <translation>请先选择要导入的文件</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="202"/>
        <source>正在读取和检查……</source>
        <translation>正在读取和检查……</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="226"/>
        <source>正在取消……</source>
        <translation>正在取消……</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="238"/>
        <source>试运行完成（未写入）：读取 {read} 行，可导入 {imported} 行，跳过 {skipped} 行。</source>
        <translation>试运行完成（未写入）：读取 {read} 行，可导入 {imported} 行，跳过 {skipped} 行。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="240"/>
        <source>导入完成：读取 {read} 行，导入 {imported} 行，跳过 {skipped} 行。</source>
        <translation>导入完成：读取 {read} 行，导入 {imported} 行，跳过 {skipped} 行。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="243"/>
        <source>发现错误 {errors} 条、警告 {warnings} 条。</source>
        <translation>发现错误 {errors} 条、警告 {warnings} 条。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="247"/>
        <source>检查报告已保存到：{path}</source>
        <translation>检查报告已保存到：{path}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/import_dialog.py" line="258"/>
        <source>导入已取消。</source>
        <translation>导入已取消。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="11"/>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="11"/>
        <source>民族</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="11"/>
        <source>户籍地址</source>
        <translation>户籍地址</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="12"/>
        <source>现住址</source>
        <translation>现住址</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="12"/>
        <source>街道</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="12"/>
        <location filename="../../elderdesk/ui/labels.py" line="46"/>
        <source>社区</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="13"/>
        <source>联系电话</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="13"/>
        <source>开户银行</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="13"/>
        <source>银行账号</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="14"/>
        <source>备注</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="18"/>
        <source>本地户籍</source>
        <translation>本地户籍</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="18"/>
        <source>非本地户籍</source>
        <translation>非本地户籍</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="22"/>
        <source>死亡</source>
        <translation>死亡</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="22"/>
        <source>迁出</source>
        <translation>迁出</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="22"/>
        <source>本人申请</source>
        <translation>本人申请</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="23"/>
        <source>重复享受</source>
        <translation>重复享受</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="23"/>
        <source>不符合条件</source>
        <translation>不符合条件</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="24"/>
        <source>失去联系</source>
        <translation>失去联系</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="24"/>
        <source>政策调整</source>
        <translation>政策调整</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="24"/>
        <source>其他</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="29"/>
        <source>高龄津贴申请审批表</source>
        <translation>高龄津贴申请审批表</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="29"/>
        <source>高龄津贴停发备案表</source>
        <translation>高龄津贴停发备案表</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="30"/>
        <source>高龄津贴调整备案表</source>
        <translation>高龄津贴调整备案表</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="30"/>
        <source>高龄津贴追回通知书</source>
        <translation>高龄津贴追回通知书</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="31"/>
        <source>老年证领取登记表</source>
        <translation>老年证领取登记表</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="35"/>
        <source>经办</source>
        <translation>经办</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="35"/>
        <source>审核</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="35"/>
        <source>审批</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="36"/>
        <source>管理员</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="40"/>
        <source>登记人员、发证、受理申请、导入、打印</source>
        <translation>登记人员、发证、受理申请、导入、打印</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="40"/>
        <source>街道审核津贴申请</source>
        <translation>街道审核津贴申请</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="41"/>
        <source>区级审批、冻结花名册</source>
        <translation>区级审批、冻结花名册</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="42"/>
        <source>用户、机构设置、政策、备份、审计日志</source>
        <translation>用户、机构设置、政策、备份、审计日志</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="46"/>
        <source>年龄段</source>
        <translation>年龄段</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="46"/>
        <source>人员状态</source>
        <translation>人员状态</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="47"/>
        <source>津贴发放</source>
        <translation>津贴发放</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="47"/>
        <source>老年证</source>
        <translation>老年证</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="47"/>
        <source>生存认证</source>
        <translation>生存认证</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="52"/>
        <source>遗失</source>
        <translation>遗失</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="52"/>
        <source>损坏</source>
        <translation>损坏</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="53"/>
        <source>年满换证</source>
        <translation>年满换证</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/labels.py" line="54"/>
        <source>信息更正</source>
        <translation>信息更正</translation>
    </message>
</context>
<context>
    <name>LifecertDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/lifecert_dialog.py" line="26"/>
        <source>登记生存认证</source>
        <translation>登记生存认证</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/lifecert_dialog.py" line="31"/>
        <source>老人</source>
        <translation>老人</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/lifecert_dialog.py" line="33"/>
        <source>原认证有效期至</source>
        <translation>原认证有效期至</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/lifecert_dialog.py" line="34"/>
        <source>认证日期</source>
        <translation>认证日期</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/lifecert_dialog.py" line="35"/>
        <source>认证后发放至</source>
        <translation>认证后发放至</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/lifecert_dialog.py" line="36"/>
        <source>请核验老人本人及身份证原件后登记。认证前暂停发放的月份将在下期花名册中补发。</source>
        <translation>请核验老人本人及身份证原件后登记。认证前暂停发放的月份将在下期花名册中补发。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/lifecert_dialog.py" line="37"/>
        <source>确认登记</source>
        <translation>确认登记</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/lifecert_dialog.py" line="46"/>
        <source>（政策不要求生存认证）</source>
        <translation>（政策不要求生存认证）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/lifecert_dialog.py" line="49"/>
        <source>{y}年{m}月</source>
        <translation>{y}年{m}月</translation>
    </message>
</context>
<context>
    <name>ListTab</name>
    <message>
        <location filename="../../elderdesk/ui/widgets/list_tab.py" line="94"/>
        <source>共 {n} 人</source>
        <translation>共 {n} 人</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../elderdesk/ui/idle_lock.py" line="65"/>
        <source>ElderDesk 已锁定</source>
        <translation>ElderDesk 已锁定</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/idle_lock.py" line="68"/>
        <source>长时间无操作，程序已锁定</source>
        <translation>长时间无操作，程序已锁定</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/idle_lock.py" line="74"/>
        <source>操作员</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/idle_lock.py" line="75"/>
        <source>密码</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/idle_lock.py" line="80"/>
        <source>解锁</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/idle_lock.py" line="82"/>
        <source>退出程序</source>
        <translation>退出程序</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/idle_lock.py" line="89"/>
        <source>请输入本人密码继续；换人办理请退出程序后重新登录。</source>
        <translation>请输入本人密码继续；换人办理请退出程序后重新登录。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/login_dialog.py" line="34"/>
        <source>登录 ElderDesk 老年证与高龄津贴办理系统</source>
        <translation>登录 ElderDesk 老年证与高龄津贴办理系统</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/login_dialog.py" line="35"/>
        <source>老年证与高龄津贴办理系统</source>
        <translation>老年证与高龄津贴办理系统</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/login_dialog.py" line="42"/>
        <source>用户名</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/login_dialog.py" line="43"/>
        <source>密码</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/login_dialog.py" line="48"/>
        <source>登录</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/login_dialog.py" line="49"/>
        <source>退出</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/login_dialog.py" line="64"/>
        <source>请输入用户名</source>
        <translation>请输入用户名</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../elderdesk/ui/main_window.py" line="55"/>
        <source>ElderDesk 老年证与高龄津贴办理系统</source>
        <translation>ElderDesk 老年证与高龄津贴办理系统</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/main_window.py" line="64"/>
        <source>老人档案</source>
        <translation>老人档案</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/main_window.py" line="81"/>
        <source>老年证</source>
        <translation>老年证</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/main_window.py" line="81"/>
        <source>高龄津贴</source>
        <translation>高龄津贴</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/main_window.py" line="82"/>
        <source>发放花名册</source>
        <translation>发放花名册</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/main_window.py" line="82"/>
        <source>统计</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/main_window.py" line="83"/>
        <source>系统</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/main_window.py" line="83"/>
        <source>表格文书</source>
        <translation>表格文书</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/main_window.py" line="105"/>
        <source>操作员：{name}（{roles}）</source>
        <translation>操作员：{name}（{roles}）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/main_window.py" line="160"/>
        <source>ElderDesk 老年证与高龄津贴办理系统 — {office}</source>
        <translation>ElderDesk 老年证与高龄津贴办理系统 — {office}</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="34"/>
        <source>文件(&amp;F)</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="35"/>
        <source>打印老年证</source>
        <translation>打印老年证</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="37"/>
        <source>退出</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="38"/>
        <source>办理(&amp;B)</source>
        <translation>办理(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="40"/>
        <source>新增登记</source>
        <translation>新增登记</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="43"/>
        <source>发放老年证</source>
        <translation>发放老年证</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="45"/>
        <source>受理高龄津贴申请</source>
        <translation>受理高龄津贴申请</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="47"/>
        <source>登记生存认证</source>
        <translation>登记生存认证</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="49"/>
        <source>查看(&amp;V)</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="54"/>
        <source>字体大小</source>
        <translation>字体大小</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="64"/>
        <source>帮助(&amp;H)</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="65"/>
        <location filename="../../elderdesk/ui/menus.py" line="151"/>
        <source>快捷键一览</source>
        <translation>快捷键一览</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="77"/>
        <source>快捷键：{keys}</source>
        <translation>快捷键：{keys}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="83"/>
        <source>{text}（{keys}）</source>
        <translation>{text}（{keys}）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="97"/>
        <source>请先在“老人档案”中查找并选中一位老人</source>
        <translation>请先在“老人档案”中查找并选中一位老人</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="130"/>
        <source>{name}（{id}）</source>
        <translation>{name}（{id}）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="138"/>
        <source>已登记生存认证：{subject}</source>
        <translation>已登记生存认证：{subject}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="145"/>
        <source>Ctrl+F&#x3000;查找（光标回到查找框）</source>
        <translation>Ctrl+F&#x3000;查找（光标回到查找框）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="145"/>
        <source>回车&#x3000;打开所选人员</source>
        <translation>回车&#x3000;打开所选人员</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="146"/>
        <source>Ctrl+N&#x3000;新增登记</source>
        <translation>Ctrl+N&#x3000;新增登记</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="146"/>
        <source>F2&#x3000;修改所选人员</source>
        <translation>F2&#x3000;修改所选人员</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="147"/>
        <source>F6&#x3000;为所选人员发放老年证</source>
        <translation>F6&#x3000;为所选人员发放老年证</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="147"/>
        <source>F7&#x3000;为所选人员受理高龄津贴申请</source>
        <translation>F7&#x3000;为所选人员受理高龄津贴申请</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="148"/>
        <source>F8&#x3000;为所选人员登记生存认证</source>
        <translation>F8&#x3000;为所选人员登记生存认证</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="148"/>
        <source>F9&#x3000;打印所选人员的老年证</source>
        <translation>F9&#x3000;打印所选人员的老年证</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="149"/>
        <source>Ctrl+1 至 Ctrl+7&#x3000;切换页面</source>
        <translation>Ctrl+1 至 Ctrl+7&#x3000;切换页面</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/menus.py" line="149"/>
        <source>Tab&#x3000;在对话框中移到下一项，回车确认，Esc 取消</source>
        <translation>Tab&#x3000;在对话框中移到下一项，回车确认，Esc 取消</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/password_dialog.py" line="29"/>
        <source>修改我的密码</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/password_dialog.py" line="30"/>
        <location filename="../../elderdesk/ui/dialogs/password_dialog.py" line="36"/>
        <source>用户名</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/password_dialog.py" line="32"/>
        <source>原密码</source>
        <translation>原密码</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/password_dialog.py" line="35"/>
        <source>重置密码</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/password_dialog.py" line="37"/>
        <source>重置后请把新密码当面告诉本人，并请其登录后立即修改。如账户因密码错误被锁定，重置同时解除锁定。</source>
        <translation>重置后请把新密码当面告诉本人，并请其登录后立即修改。如账户因密码错误被锁定，重置同时解除锁定。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/password_dialog.py" line="41"/>
        <source>至少 {n} 个字符</source>
        <translation>至少 {n} 个字符</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/password_dialog.py" line="42"/>
        <source>新密码</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/password_dialog.py" line="43"/>
        <source>再次输入新密码</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/password_dialog.py" line="44"/>
        <source>确定</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>PaymentHistory</name>
    <message>
        <location filename="../../elderdesk/ui/widgets/payment_history.py" line="68"/>
        <source>正在读取发放记录……</source>
        <translation>正在读取发放记录……</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/payment_history.py" line="87"/>
        <source>合计：应享受 {owed} 元，已发放 {paid} 元</source>
        <translation>合计：应享受 {owed} 元，已发放 {paid} 元</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/payment_history.py" line="101"/>
        <source>高龄津贴：未申请</source>
        <translation>高龄津贴：未申请</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/payment_history.py" line="102"/>
        <source>高龄津贴：{state}，{applied} 申请</source>
        <translation>高龄津贴：{state}，{applied} 申请</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/payment_history.py" line="105"/>
        <source>，{d} 批准</source>
        <translation>，{d} 批准</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/payment_history.py" line="107"/>
        <source>，{d} 停发</source>
        <translation>，{d} 停发</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/payment_history.py" line="109"/>
        <source>；本月档次 {band}，每月 {amount} 元</source>
        <translation>；本月档次 {band}，每月 {amount} 元</translation>
    </message>
</context>
<context>
    <name>PdfPrinting</name>
    <message>
        <location filename="../../elderdesk/ui/pdf_printing.py" line="45"/>
        <source>本机缺少 PySide6-Pdf 组件，无法显示或打印 PDF</source>
        <translation>本机缺少 PySide6-Pdf 组件，无法显示或打印 PDF</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pdf_printing.py" line="49"/>
        <source>不是有效的 PDF 文件</source>
        <translation>不是有效的 PDF 文件</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pdf_printing.py" line="96"/>
        <source>打印机无法开始打印</source>
        <translation>打印机无法开始打印</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pdf_printing.py" line="122"/>
        <source>打印</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pdf_printing.py" line="143"/>
        <source>打印预览</source>
        <translation>打印预览</translation>
    </message>
</context>
<context>
    <name>PeopleTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/models/people_model.py" line="43"/>
        <source>身份证号</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/people_model.py" line="43"/>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/people_model.py" line="43"/>
        <source>性别</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/people_model.py" line="44"/>
        <source>出生日期</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/people_model.py" line="44"/>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/people_model.py" line="44"/>
        <source>社区</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/people_model.py" line="133"/>
        <source>勾选“显示完整身份证号”可查看全部号码</source>
        <translation>勾选“显示完整身份证号”可查看全部号码</translation>
    </message>
</context>
<context>
    <name>PersonCardPanel</name>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="42"/>
        <source>办证</source>
        <translation>办证</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="49"/>
        <source>在上方查找并选择一位老人，或在“老人档案”中选中后按“办证”。</source>
        <translation>在上方查找并选择一位老人，或在“老人档案”中选中后按“办证”。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="59"/>
        <source>发证…</source>
        <translation>发证…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="60"/>
        <source>补证/换证…</source>
        <translation>补证/换证…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="61"/>
        <source>领证登记…</source>
        <translation>领证登记…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="102"/>
        <source>打印对象：{who}</source>
        <translation>打印对象：{who}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="103"/>
        <source>打印对象：无（选中的人没有有效老年证）</source>
        <translation>打印对象：无（选中的人没有有效老年证）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="123"/>
        <source>照片</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="131"/>
        <source>，居住证有效期至 {date}</source>
        <translation>，居住证有效期至 {date}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="132"/>
        <source>，未登记居住证</source>
        <translation>，未登记居住证</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="133"/>
        <source>{id}&#x3000;{sex}&#x3000;{birth}（{age} 岁）&#x3000;{status}&#x3000;{household}</source>
        <translation>{id}&#x3000;{sex}&#x3000;{birth}（{age} 岁）&#x3000;{status}&#x3000;{household}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="142"/>
        <source>尚未办理老年证</source>
        <translation>尚未办理老年证</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="143"/>
        <source>当前老年证：{no}&#x3000;{type}&#x3000;{date} 发证&#x3000;{status}</source>
        <translation>当前老年证：{no}&#x3000;{type}&#x3000;{date} 发证&#x3000;{status}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="155"/>
        <source>无照片</source>
        <translation>无照片</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="168"/>
        <source>✔ 可以发证：{type}，工本费 {fee} 元</source>
        <translation>✔ 可以发证：{type}，工本费 {fee} 元</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="172"/>
        <source>已持有{type}（{no}）。已到换证年龄，应换发{wanted}：请按“补证/换证”，原因选“年满换证”（工本费 {fee} 元）</source>
        <translation>已持有{type}（{no}）。已到换证年龄，应换发{wanted}：请按“补证/换证”，原因选“年满换证”（工本费 {fee} 元）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="177"/>
        <source>已持有有效老年证（{no}，{type}），不能重复发证。遗失、损坏或信息有误请按“补证/换证”</source>
        <translation>已持有有效老年证（{no}，{type}），不能重复发证。遗失、损坏或信息有误请按“补证/换证”</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/card_panel.py" line="179"/>
        <source>✘ 不能办理：{reason}</source>
        <translation>✘ 不能办理：{reason}</translation>
    </message>
</context>
<context>
    <name>PersonDetail</name>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="29"/>
        <source>在列表中选择一位老人，这里显示其档案。</source>
        <translation>在列表中选择一位老人，这里显示其档案。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="34"/>
        <source>身份证号</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="34"/>
        <source>性别</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="35"/>
        <source>出生日期</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="35"/>
        <source>户籍类型</source>
        <translation>户籍类型</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="36"/>
        <source>居住证有效期</source>
        <translation>居住证有效期</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="38"/>
        <source>银行账号</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="38"/>
        <source>备注</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="45"/>
        <source>老年证、高龄津贴发放记录和办理日志：此功能将在后续版本提供。</source>
        <translation>老年证、高龄津贴发放记录和办理日志：此功能将在后续版本提供。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="56"/>
        <source>高龄津贴发放记录</source>
        <translation>高龄津贴发放记录</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="72"/>
        <source>老年证和办理日志：此功能将在后续版本提供。</source>
        <translation>老年证和办理日志：此功能将在后续版本提供。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="106"/>
        <source>{birth}（{age} 岁）</source>
        <translation>{birth}（{age} 岁）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="122"/>
        <source>已故（{date}）</source>
        <translation>已故（{date}）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/person_detail.py" line="124"/>
        <source>已迁出（{date}）</source>
        <translation>已迁出（{date}）</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>12 到 30 位数字，可用空格分组</source>
        <translation>12 到 30 位数字，可用空格分组</translation>
    </message>
    <message>
        <source>发放高龄津贴须填写开户银行和银行账号</source>
        <translation>发放高龄津贴须填写开户银行和银行账号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="51"/>
        <source>修改人员信息</source>
        <translation>修改人员信息</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="51"/>
        <source>登记新人员</source>
        <translation>登记新人员</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="61"/>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="166"/>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="167"/>
        <source>（由身份证号确定）</source>
        <translation>（由身份证号确定）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="63"/>
        <source>校验位错误但证件无误时，由管理员填写原因</source>
        <translation>校验位错误但证件无误时，由管理员填写原因</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="64"/>
        <source>强制登记原因</source>
        <translation>强制登记原因</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="71"/>
        <source>（未填写）</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="74"/>
        <source>有居住证，有效期至</source>
        <translation>有居住证，有效期至</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="89"/>
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="91"/>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="106"/>
        <source>身份证号</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="117"/>
        <source>性别</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="120"/>
        <source>户籍类型</source>
        <translation>户籍类型</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="148"/>
        <source>身份证号不能在此修改（更正身份证号需由审批人员办理）</source>
        <translation>身份证号不能在此修改（更正身份证号需由审批人员办理）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/person_dialog.py" line="180"/>
        <source>此身份证号已登记：{name}（{status}），不能重复登记</source>
        <translation>此身份证号已登记：{name}（{status}），不能重复登记</translation>
    </message>
</context>
<context>
    <name>PhotoCrop</name>
    <message>
        <location filename="../../elderdesk/ui/widgets/photo_crop.py" line="54"/>
        <source>拖动方框选取头像；拖动四角或滚动滚轮调整大小；方向键移动，+/- 缩放（按住 Shift 加快）</source>
        <translation>拖动方框选取头像；拖动四角或滚动滚轮调整大小；方向键移动，+/- 缩放（按住 Shift 加快）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/widgets/photo_crop.py" line="135"/>
        <source>未选择照片
JPEG 或 PNG 格式
裁成一寸照（25×35 毫米）</source>
        <translation>未选择照片
JPEG 或 PNG 格式
裁成一寸照（25×35 毫米）</translation>
    </message>
</context>
<context>
    <name>PickupDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="34"/>
        <source>领证登记</source>
        <translation>领证登记</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="35"/>
        <source>本人领取</source>
        <translation>本人领取</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="36"/>
        <source>代领</source>
        <translation>代领</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="48"/>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="57"/>
        <source>代领人姓名</source>
        <translation>代领人姓名</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="52"/>
        <source>老年证</source>
        <translation>老年证</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="52"/>
        <source>{no}（{type}）</source>
        <translation>{no}（{type}）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="54"/>
        <source>持证人</source>
        <translation>持证人</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="54"/>
        <source>{name}&#x3000;{id}</source>
        <translation>{name}&#x3000;{id}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="56"/>
        <source>领取人</source>
        <translation>领取人</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="58"/>
        <source>代领人身份证号</source>
        <translation>代领人身份证号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="59"/>
        <source>领取日期</source>
        <translation>领取日期</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="60"/>
        <source>请核验领取人的身份证原件：本人领取核对本人证件，代领核对代领人证件并登记其姓名和身份证号。</source>
        <translation>请核验领取人的身份证原件：本人领取核对本人证件，代领核对代领人证件并登记其姓名和身份证号。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="61"/>
        <source>确认领取</source>
        <translation>确认领取</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/pickup_dialog.py" line="75"/>
        <source>代领须填写代领人姓名和身份证号</source>
        <translation>代领须填写代领人姓名和身份证号</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../elderdesk/ui/pages/placeholder_page.py" line="16"/>
        <source>此功能将在后续版本提供</source>
        <translation>此功能将在后续版本提供</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <location filename="../../elderdesk/ui/preferences.py" line="23"/>
        <source>小</source>
        <translation>小</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/preferences.py" line="24"/>
        <source>中</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/preferences.py" line="25"/>
        <source>大</source>
        <translation>大</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/preferences.py" line="26"/>
        <source>特大</source>
        <translation>特大</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/record_dialog.py" line="62"/>
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RecoveriesTab</name>
    <message>
        <location filename="../../elderdesk/ui/pages/recoveries_tab.py" line="28"/>
        <source>只显示未结清</source>
        <translation>只显示未结清</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/recoveries_tab.py" line="33"/>
        <source>登记已退回</source>
        <translation>登记已退回</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/recoveries_tab.py" line="48"/>
        <source>共 {n} 笔，未结清合计 {amount} 元</source>
        <translation>共 {n} 笔，未结清合计 {amount} 元</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/recoveries_tab.py" line="60"/>
        <source>{name}（{id}）{month} 追回 {amount} 元</source>
        <translation>{name}（{id}）{month} 追回 {amount} 元</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/recoveries_tab.py" line="63"/>
        <source>登记追回款已退回</source>
        <translation>登记追回款已退回</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/recoveries_tab.py" line="64"/>
        <source>确认已退回</source>
        <translation>确认已退回</translation>
    </message>
</context>
<context>
    <name>RecoveriesTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="180"/>
        <source>身份证号</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="180"/>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="180"/>
        <source>花名册期次</source>
        <translation>花名册期次</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="181"/>
        <source>月份</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="181"/>
        <source>金额(元)</source>
        <translation>金额(元)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="181"/>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="184"/>
        <source>已结清（{date}）</source>
        <translation>已结清（{date}）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="185"/>
        <source>未结清</source>
        <translation>未结清</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="67"/>
        <source>输入姓名、拼音首字母（如 zsf）或身份证号的任意几位，按回车打开</source>
        <translation>输入姓名、拼音首字母（如 zsf）或身份证号的任意几位，按回车打开</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="72"/>
        <source>显示完整身份证号</source>
        <translation>显示完整身份证号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="76"/>
        <source>查找</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="79"/>
        <source>新增登记</source>
        <translation>新增登记</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="80"/>
        <source>修改</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="81"/>
        <source>登记死亡</source>
        <translation>登记死亡</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="83"/>
        <source>登记迁出</source>
        <translation>登记迁出</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="85"/>
        <source>导入名册</source>
        <translation>导入名册</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="168"/>
        <source>请输入查找条件</source>
        <translation>请输入查找条件</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="170"/>
        <source>没有找到符合条件的人员</source>
        <translation>没有找到符合条件的人员</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="172"/>
        <source>已显示 {n} 人，向下滚动显示更多</source>
        <translation>已显示 {n} 人，向下滚动显示更多</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/register_page.py" line="174"/>
        <source>共 {n} 人</source>
        <translation>共 {n} 人</translation>
    </message>
</context>
<context>
    <name>ReissueDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/reissue_dialog.py" line="24"/>
        <source>补证 / 换证</source>
        <translation>补证 / 换证</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/reissue_dialog.py" line="27"/>
        <source>补换证</source>
        <translation>补换证</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/reissue_dialog.py" line="33"/>
        <source>{no}（{type}，{date} 发证）</source>
        <translation>{no}（{type}，{date} 发证）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/reissue_dialog.py" line="41"/>
        <source>原证</source>
        <translation>原证</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/reissue_dialog.py" line="42"/>
        <source>补换原因</source>
        <translation>补换原因</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/reissue_dialog.py" line="48"/>
        <source>{fee} 元（{reason}）</source>
        <translation>{fee} 元（{reason}）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/reissue_dialog.py" line="50"/>
        <source>{fee} 元（首次遗失、损坏补证；再次补证 {again} 元）</source>
        <translation>{fee} 元（首次遗失、损坏补证；再次补证 {again} 元）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/reissue_dialog.py" line="52"/>
        <source>{fee} 元（第 {n} 次遗失、损坏补证）</source>
        <translation>{fee} 元（第 {n} 次遗失、损坏补证）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/reissue_dialog.py" line="63"/>
        <source>补换证后原证作废（二维码核验显示已作废），新证使用新编号。不选新照片则沿用已存的照片。</source>
        <translation>补换证后原证作废（二维码核验显示已作废），新证使用新编号。不选新照片则沿用已存的照片。</translation>
    </message>
</context>
<context>
    <name>RosterItemsTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="93"/>
        <source>月份</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="93"/>
        <source>类别</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="93"/>
        <source>金额(元)</source>
        <translation>金额(元)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="94"/>
        <source>正常发放</source>
        <translation>正常发放</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="94"/>
        <source>补发</source>
        <translation>补发</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="95"/>
        <source>追回（另列，不从发放中扣除）</source>
        <translation>追回（另列，不从发放中扣除）</translation>
    </message>
</context>
<context>
    <name>RosterLinesTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="36"/>
        <source>序号</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="36"/>
        <source>身份证号</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="36"/>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="36"/>
        <source>社区</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="37"/>
        <source>年龄</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="37"/>
        <source>档次</source>
        <translation>档次</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="37"/>
        <source>月标准</source>
        <translation>月标准</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="37"/>
        <source>正常发放</source>
        <translation>正常发放</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="38"/>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="39"/>
        <source>补发</source>
        <translation>补发</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="38"/>
        <source>发放合计</source>
        <translation>发放合计</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="38"/>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="40"/>
        <source>追回</source>
        <translation>追回</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="38"/>
        <source>明细</source>
        <translation>明细</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="39"/>
        <source>正常</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/roster_models.py" line="73"/>
        <source>；</source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>正在检查银行账号……</source>
        <translation>正在检查银行账号……</translation>
    </message>
    <message>
        <source>生成花名册</source>
        <translation>生成花名册</translation>
    </message>
    <message>
        <source>生成的花名册不会发放给他们（账号待补录），补录后生成的花名册将补发。仍要生成吗？</source>
        <translation>生成的花名册不会发放给他们（账号待补录），补录后生成的花名册将补发。仍要生成吗？</translation>
    </message>
    <message>
        <source>未生成花名册：请先补录银行账号</source>
        <translation>未生成花名册：请先补录银行账号</translation>
    </message>
    <message>
        <source>；{n} 人因没有银行账号暂不发放（账号待补录）</source>
        <translation>；{n} 人因没有银行账号暂不发放（账号待补录）</translation>
    </message>
    <message>
        <source>他们不列入银行文件，名单在工作表“待补录账号”中。仍要导出吗？</source>
        <translation>他们不列入银行文件，名单在工作表“待补录账号”中。仍要导出吗？</translation>
    </message>
    <message>
        <source>；{n} 人没有银行账号，未列入银行文件，见工作表“待补录账号”</source>
        <translation>；{n} 人没有银行账号，未列入银行文件，见工作表“待补录账号”</translation>
    </message>
    <message>
        <source>有 {n} 人享受高龄津贴但没有有效的开户银行和银行账号（12 到 30 位数字）。请在“老人档案”中选中此人，点“修改”补录开户银行和银行账号，或用命令 elderdesk people account 补录。</source>
        <translation>有 {n} 人享受高龄津贴但没有有效的开户银行和银行账号（12 到 30 位数字）。请在“老人档案”中选中此人，点“修改”补录开户银行和银行账号，或用命令 elderdesk people account 补录。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="55"/>
        <source>花名册</source>
        <translation>花名册</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="57"/>
        <source>追回款</source>
        <translation>追回款</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="65"/>
        <source>如 2026Q3</source>
        <translation>如 2026Q3</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="69"/>
        <source>查看</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="70"/>
        <source>生成</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="71"/>
        <source>与上期比较</source>
        <translation>与上期比较</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="72"/>
        <source>冻结…</source>
        <translation>冻结…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="73"/>
        <source>导出银行文件…</source>
        <translation>导出银行文件…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="74"/>
        <source>打印花名册PDF…</source>
        <translation>打印花名册PDF…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="75"/>
        <source>显示完整身份证号</source>
        <translation>显示完整身份证号</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="78"/>
        <source>期次</source>
        <translation>期次</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="183"/>
        <source>期次 {p}：尚未生成花名册</source>
        <translation>期次 {p}：尚未生成花名册</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="195"/>
        <source>{p} 花名册：已冻结（{at}，{who}）</source>
        <translation>{p} 花名册：已冻结（{at}，{who}）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="197"/>
        <source>{p} 花名册：草稿（{at} 由 {who} 生成，冻结前可重新生成）</source>
        <translation>{p} 花名册：草稿（{at} 由 {who} 生成，冻结前可重新生成）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="203"/>
        <source>合计：发放 {people} 人，正常发放 {regular} 元，补发 {arrears} 元，发放合计 {paid} 元；追回 {recovery} 元（另列，不从发放中扣除）</source>
        <translation>合计：发放 {people} 人，正常发放 {regular} 元，补发 {arrears} 元，发放合计 {paid} 元；追回 {recovery} 元（另列，不从发放中扣除）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="217"/>
        <source>正在生成 {p} 花名册……</source>
        <translation>正在生成 {p} 花名册……</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="231"/>
        <source>已生成 {p} 花名册草稿，共 {n} 行</source>
        <translation>已生成 {p} 花名册草稿，共 {n} 行</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="255"/>
        <source>{p} 花名册已冻结</source>
        <translation>{p} 花名册已冻结</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="259"/>
        <source>导出银行文件</source>
        <translation>导出银行文件</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="259"/>
        <source>高龄津贴银行发放_{p}.xlsx</source>
        <translation>高龄津贴银行发放_{p}.xlsx</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="260"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="263"/>
        <source>打印花名册PDF</source>
        <translation>打印花名册PDF</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="263"/>
        <source>高龄津贴发放花名册_{p}.pdf</source>
        <translation>高龄津贴发放花名册_{p}.pdf</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="264"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="275"/>
        <source>正在导出……</source>
        <translation>正在导出……</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/roster_page.py" line="283"/>
        <source>已保存：{files}</source>
        <translation>已保存：{files}</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="40"/>
        <source>首次使用：建立本机构数据库</source>
        <translation>首次使用：建立本机构数据库</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="41"/>
        <source>未找到数据库文件，将新建：
{path}</source>
        <translation>未找到数据库文件，将新建：
{path}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="45"/>
        <source>例如 江汉区民意街道社区服务中心</source>
        <translation>例如 江汉区民意街道社区服务中心</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="48"/>
        <source>6 位数字，例如 420103</source>
        <translation>6 位数字，例如 420103</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="54"/>
        <source>至少 {n} 个字符</source>
        <translation>至少 {n} 个字符</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="58"/>
        <source>机构名称</source>
        <translation>机构名称</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="59"/>
        <source>行政区划代码</source>
        <translation>行政区划代码</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="60"/>
        <source>管理员用户名</source>
        <translation>管理员用户名</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="61"/>
        <source>管理员密码</source>
        <translation>管理员密码</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="62"/>
        <source>再次输入密码</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="67"/>
        <source>建立数据库</source>
        <translation>建立数据库</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="69"/>
        <source>退出</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="83"/>
        <source>两次输入的密码不一致，请重新输入</source>
        <translation>两次输入的密码不一致，请重新输入</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/setup_dialog.py" line="90"/>
        <source>正在建立数据库……</source>
        <translation>正在建立数据库……</translation>
    </message>
</context>
<context>
    <name>StatChartView</name>
    <message>
        <location filename="../../elderdesk/ui/widgets/stat_chart.py" line="108"/>
        <source>单位：万</source>
        <translation>单位：万</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="73"/>
        <source>统计</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="75"/>
        <source>导出Excel…</source>
        <translation>导出Excel…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="77"/>
        <source>打印PDF…</source>
        <translation>打印PDF…</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="80"/>
        <source>统计日期</source>
        <translation>统计日期</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="83"/>
        <source>月度统计</source>
        <translation>月度统计</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="85"/>
        <source>至</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="166"/>
        <source>正在统计……</source>
        <translation>正在统计……</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="178"/>
        <source>正在统计……（已用 {s} 秒）</source>
        <translation>正在统计……（已用 {s} 秒）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="193"/>
        <source>统计完成（{office}，统计日期 {on}，用时 {s:.1f} 秒）</source>
        <translation>统计完成（{office}，统计日期 {on}，用时 {s:.1f} 秒）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="219"/>
        <source>导出Excel</source>
        <translation>导出Excel</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="220"/>
        <source>统计报表_{d}.xlsx</source>
        <translation>统计报表_{d}.xlsx</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="221"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="223"/>
        <source>打印PDF</source>
        <translation>打印PDF</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="224"/>
        <source>统计报表_{d}.pdf</source>
        <translation>统计报表_{d}.pdf</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="225"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="230"/>
        <source>正在导出……</source>
        <translation>正在导出……</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/statistics_page.py" line="237"/>
        <source>已保存：{f}</source>
        <translation>已保存：{f}</translation>
    </message>
</context>
<context>
    <name>StopDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/stop_dialog.py" line="26"/>
        <source>停发高龄津贴</source>
        <translation>停发高龄津贴</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/stop_dialog.py" line="34"/>
        <source>说明停发的具体情况，可不填</source>
        <translation>说明停发的具体情况，可不填</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/stop_dialog.py" line="36"/>
        <source>老人</source>
        <translation>老人</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/stop_dialog.py" line="37"/>
        <source>停发原因</source>
        <translation>停发原因</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/stop_dialog.py" line="38"/>
        <source>停发日期</source>
        <translation>停发日期</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/stop_dialog.py" line="39"/>
        <source>备注</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/stop_dialog.py" line="40"/>
        <source>停发日期所在月份仍发放，此后月份不再发放；已发放的此后月份将列入追回款。死亡或迁出请在“老人档案”中登记，津贴随之自动停发。</source>
        <translation>停发日期所在月份仍发放，此后月份不再发放；已发放的此后月份将列入追回款。死亡或迁出请在“老人档案”中登记，津贴随之自动停发。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/stop_dialog.py" line="42"/>
        <source>确认停发</source>
        <translation>确认停发</translation>
    </message>
</context>
<context>
    <name>SystemPage</name>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="54"/>
        <source>用户</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="58"/>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="62"/>
        <source>审计日志</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="61"/>
        <source>审计日志只有管理员可以查看。</source>
        <translation>审计日志只有管理员可以查看。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="66"/>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="71"/>
        <source>备份</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="70"/>
        <source>备份与恢复只有管理员可以操作。每天第一次打开程序时会自动备份。</source>
        <translation>备份与恢复只有管理员可以操作。每天第一次打开程序时会自动备份。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="72"/>
        <source>机构信息</source>
        <translation>机构信息</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="73"/>
        <source>安全</source>
        <translation>安全</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="76"/>
        <source>界面</source>
        <translation>界面</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="93"/>
        <source>保存机构信息</source>
        <translation>保存机构信息</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="98"/>
        <source>机构名称</source>
        <translation>机构名称</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="99"/>
        <source>行政区划代码</source>
        <translation>行政区划代码</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="102"/>
        <source>机构名称印在花名册、老年证和表格文书上；行政区划代码用于老年证编号，并用于核对备份是否属于本机构，请勿随意修改。</source>
        <translation>机构名称印在花名册、老年证和表格文书上；行政区划代码用于老年证编号，并用于核对备份是否属于本机构，请勿随意修改。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="104"/>
        <source>机构信息由管理员维护。</source>
        <translation>机构信息由管理员维护。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="117"/>
        <source> 分钟</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="120"/>
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="125"/>
        <source>无操作自动锁定</source>
        <translation>无操作自动锁定</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="129"/>
        <source>超过设定时间没有键盘或鼠标操作，程序自动锁定，须输入本人密码才能继续。登录和解锁时连续输错密码 5 次，账户锁定 15 分钟，或由管理员重置密码解除。</source>
        <translation>超过设定时间没有键盘或鼠标操作，程序自动锁定，须输入本人密码才能继续。登录和解锁时连续输错密码 5 次，账户锁定 15 分钟，或由管理员重置密码解除。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="166"/>
        <source>修改行政区划代码</source>
        <translation>修改行政区划代码</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="167"/>
        <source>行政区划代码从 {old} 改为 {new} 后，新发老年证的编号随之改变，以前的备份将被视为其他机构的数据而不能恢复。确定修改吗？</source>
        <translation>行政区划代码从 {old} 改为 {new} 后，新发老年证的编号随之改变，以前的备份将被视为其他机构的数据而不能恢复。确定修改吗？</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="182"/>
        <source>已保存</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/system_page.py" line="193"/>
        <source>已保存，立即生效</source>
        <translation>已保存，立即生效</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../elderdesk/ui/dialogs/user_dialog.py" line="27"/>
        <source>新增用户</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/user_dialog.py" line="27"/>
        <source>修改角色</source>
        <translation>修改角色</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/user_dialog.py" line="37"/>
        <source>汉字、字母或数字，最多 32 个字符</source>
        <translation>汉字、字母或数字，最多 32 个字符</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/user_dialog.py" line="38"/>
        <location filename="../../elderdesk/ui/dialogs/user_dialog.py" line="40"/>
        <source>用户名</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/user_dialog.py" line="55"/>
        <source>角色</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/user_dialog.py" line="57"/>
        <source>初始密码</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/user_dialog.py" line="58"/>
        <source>再次输入密码</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/user_dialog.py" line="59"/>
        <source>同一人可兼任多个角色，但任何人都不能审批自己受理或审核过的申请。</source>
        <translation>同一人可兼任多个角色，但任何人都不能审批自己受理或审核过的申请。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/user_dialog.py" line="60"/>
        <source>新角色在该用户下次登录时生效。</source>
        <translation>新角色在该用户下次登录时生效。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/user_dialog.py" line="61"/>
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/dialogs/user_dialog.py" line="71"/>
        <source>请至少选择一个角色</source>
        <translation>请至少选择一个角色</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="37"/>
        <source>修改我的密码</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="43"/>
        <source>新增用户</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="44"/>
        <source>修改角色</source>
        <translation>修改角色</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="45"/>
        <source>重置密码</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="46"/>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="78"/>
        <source>停用</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="53"/>
        <source>用户和角色由管理员维护。您可以在这里修改自己的密码。</source>
        <translation>用户和角色由管理员维护。您可以在这里修改自己的密码。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="77"/>
        <source>启用</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="96"/>
        <source>共 {n} 个用户，其中 {k} 个启用</source>
        <translation>共 {n} 个用户，其中 {k} 个启用</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="107"/>
        <source>修改密码</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="107"/>
        <source>密码已修改，下次登录请使用新密码。</source>
        <translation>密码已修改，下次登录请使用新密码。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="129"/>
        <source>停用用户</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="130"/>
        <source>停用后“{name}”将不能登录，其经办记录和审计日志保留不变。确定停用吗？</source>
        <translation>停用后“{name}”将不能登录，其经办记录和审计日志保留不变。确定停用吗？</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/pages/users_tab.py" line="138"/>
        <source>无法完成操作</source>
        <translation>无法完成操作</translation>
    </message>
</context>
<context>
    <name>UsersTableModel</name>
    <message>
        <location filename="../../elderdesk/ui/models/user_models.py" line="26"/>
        <source>用户名</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/user_models.py" line="26"/>
        <source>角色</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/user_models.py" line="26"/>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/user_models.py" line="26"/>
        <source>创建时间</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/user_models.py" line="46"/>
        <source>已停用</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/user_models.py" line="48"/>
        <source>密码错误次数过多，锁定至 {t}</source>
        <translation>密码错误次数过多，锁定至 {t}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/ui/models/user_models.py" line="50"/>
        <source>正常</source>
        <translation>正常</translation>
    </message>
</context>
<context>
    <name>_Cover</name>
    <message>
        <location filename="../../elderdesk/ui/idle_lock.py" line="43"/>
        <source>已锁定</source>
        <translation>已锁定</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../elderdesk/app.py" line="56"/>
        <source>（无法写入日志）</source>
        <translation>（无法写入日志）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/app.py" line="58"/>
        <source>程序出现意外错误</source>
        <translation>程序出现意外错误</translation>
    </message>
    <message>
        <location filename="../../elderdesk/app.py" line="59"/>
        <source>程序出现了意外错误，详细情况已记录到日志文件：
{path}

请把这个文件发给技术支持。刚才的操作可能没有完成，请核对后重试；如果界面显示异常，请关闭程序后重新打开。</source>
        <translation>程序出现了意外错误，详细情况已记录到日志文件：
{path}

请把这个文件发给技术支持。刚才的操作可能没有完成，请核对后重试；如果界面显示异常，请关闭程序后重新打开。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/app.py" line="183"/>
        <source>（数据库已损坏，只读）</source>
        <translation>（数据库已损坏，只读）</translation>
    </message>
    <message>
        <location filename="../../elderdesk/app.py" line="184"/>
        <source>数据库已损坏：只能查询，不能修改</source>
        <translation>数据库已损坏：只能查询，不能修改</translation>
    </message>
    <message>
        <location filename="../../elderdesk/app.py" line="187"/>
        <source>最近的备份：{file}</source>
        <translation>最近的备份：{file}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/app.py" line="188"/>
        <source>备份文件夹中没有找到备份，请查找其他备份（如U盘）。</source>
        <translation>备份文件夹中没有找到备份，请查找其他备份（如U盘）。</translation>
    </message>
    <message>
        <location filename="../../elderdesk/app.py" line="189"/>
        <source>数据库文件已损坏</source>
        <translation>数据库文件已损坏</translation>
    </message>
    <message>
        <location filename="../../elderdesk/app.py" line="189"/>
        <source>启动检查发现数据库文件已损坏。

为防止进一步损坏，程序已停止写入：可以查询，但不能登记或修改任何信息。

恢复方法：请管理员在“系统 → 备份”中选中最近的备份，点“从备份恢复…”；也可以关闭本程序后在命令行运行
    elderdesk backup restore 备份文件
恢复前程序会检查备份是否完好、是否属于本机构，并先另存当前数据库。

备份文件夹：{folder}
{latest}

技术信息：{detail}</source>
        <translation>启动检查发现数据库文件已损坏。

为防止进一步损坏，程序已停止写入：可以查询，但不能登记或修改任何信息。

恢复方法：请管理员在“系统 → 备份”中选中最近的备份，点“从备份恢复…”；也可以关闭本程序后在命令行运行
    elderdesk backup restore 备份文件
恢复前程序会检查备份是否完好、是否属于本机构，并先另存当前数据库。

备份文件夹：{folder}
{latest}

技术信息：{detail}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/app.py" line="200"/>
        <source>今日自动备份已完成：{file}</source>
        <translation>今日自动备份已完成：{file}</translation>
    </message>
    <message>
        <location filename="../../elderdesk/app.py" line="206"/>
        <source>今日自动备份未完成</source>
        <translation>今日自动备份未完成</translation>
    </message>
    <message>
        <location filename="../../elderdesk/app.py" line="206"/>
        <source>今日自动备份未完成：{error}

程序可以照常使用；下次启动时会再试。</source>
        <translation>今日自动备份未完成：{error}

程序可以照常使用；下次启动时会再试。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../elderdesk/ui/errors.py" line="24"/>
        <source>无法完成操作</source>
        <translation>无法完成操作</translation>
    </message>
</context>
<context>
    <name>unmask</name>
    <message>
        <location filename="../../elderdesk/ui/widgets/unmask.py" line="19"/>
        <source>只有经办、审批人员和管理员可以查看完整身份证号和银行账号</source>
        <translation>只有经办、审批人员和管理员可以查看完整身份证号和银行账号</translation>
    </message>
</context>
</TS>
