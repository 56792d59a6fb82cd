<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name></name>
    <message>
        <source>管理员登录 — 恢复备份</source>
        <translation>Administrator login — restore a backup</translation>
    </message>
    <message>
        <source>恢复备份需要管理员登录；没有恢复任何内容。</source>
        <translation>A restore needs an administrator to log in; nothing was restored.</translation>
    </message>
    <message>
        <source>本机存储已损坏：未通过完整性检查。最近一份完好的备份：{backup}
可以恢复这份备份（需管理员登录），或只读打开查看。</source>
        <translation>This machine&apos;s store is damaged: it failed its integrity check. The newest good backup: {backup}
You can restore that backup (an administrator logs in), or open the store read-only to look.</translation>
    </message>
    <message>
        <source>本机存储已损坏：未通过完整性检查，也没有找到完好的备份。可以只读打开查看；请联系管理员。</source>
        <translation>This machine&apos;s store is damaged: it failed its integrity check, and no good backup was found. You can open it read-only to look; please call the administrator.</translation>
    </message>
    <message>
        <source>存储已损坏</source>
        <translation>The store is damaged</translation>
    </message>
    <message>
        <source>恢复最近的备份</source>
        <translation>Restore the newest good backup</translation>
    </message>
    <message>
        <source>只读打开</source>
        <translation>Open read-only</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>没有恢复备份</source>
        <translation>The backup was not restored</translation>
    </message>
    <message>
        <source>备份没有恢复：{error}</source>
        <translation>The backup was not restored: {error}</translation>
    </message>
    <message>
        <source>规则包有误</source>
        <translation>Rule pack refused</translation>
    </message>
    <message>
        <source>程序的规则包无法使用，请联系管理员。

{error}</source>
        <translation>The program&apos;s rule packs cannot be used; call the office IT person.

{error}</translation>
    </message>
    <message>
        <source>存储升级未完成</source>
        <translation>The store was not updated</translation>
    </message>
    <message>
        <source>新版本需要升级本机的存储，升级没有成功；存储已恢复为升级前的样子，数据没有丢失。请联系管理员。

{error}</source>
        <translation>This version needs to update the store on this machine, and the update failed; the store was put back as it was before, nothing is lost. Call the office IT person.

{error}</translation>
    </message>
    <message>
        <source>无法打开存储</source>
        <translation>The store cannot be opened</translation>
    </message>
    <message>
        <source>本机存储无法打开，请联系管理员。

{error}</source>
        <translation>This machine&apos;s store cannot be opened; please call the administrator.

{error}</translation>
    </message>
    <message>
        <source>审计记录不完整</source>
        <translation>The audit trail is not intact</translation>
    </message>
    <message>
        <source>审计记录被人改动过，请立即告知管理员。

{summary}</source>
        <translation>Someone changed the audit trail; tell the administrator now.

{summary}</translation>
    </message>
    <message>
        <source>本机存储已升级到新版本；升级前的备份：{file}</source>
        <translation>The store was updated to this version; the backup taken before: {file}</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>Seq</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>When</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>审计日志</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>操作，例如 登录、受理、打印</source>
        <translation>Action, e.g. logged in, accepted, printed</translation>
    </message>
    <message>
        <source>申请编号</source>
        <extracomment>(header, field of the summary) per column</extracomment>
        <translation>Application number</translation>
    </message>
    <message>
        <source>校验链条</source>
        <translation>Verify the chain</translation>
    </message>
    <message>
        <source>正在校验…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <source>完好：共 {events} 条，链条完整。</source>
        <translation>Intact: {events} events, the chain holds.</translation>
    </message>
    <message>
        <source>&lt;b&gt;不完整&lt;/b&gt;：{problems} 处问题</source>
        <translation>&lt;b&gt;NOT intact&lt;/b&gt;: {problems} problems</translation>
    </message>
    <message>
        <source>途径</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>填写身份证号和拟落户地后显示审查结果</source>
        <translation>The decision appears once the ID number and destination are filled in</translation>
    </message>
    <message>
        <source>尚不能审查：{reason}</source>
        <translation>Not decided yet: {reason}</translation>
    </message>
    <message>
        <source>可随迁</source>
        <translation>may accompany</translation>
    </message>
    <message>
        <source>不可随迁</source>
        <translation>may not accompany</translation>
    </message>
    <message>
        <source>尚待确认</source>
        <translation>not yet decided</translation>
    </message>
    <message>
        <source>未知政策</source>
        <translation>unknown policy</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>{verdict}（依据{clauses}）</source>
        <translation>{verdict} (under {clauses})</translation>
    </message>
    <message>
        <source>{verdict}：{reason}</source>
        <translation>{verdict}: {reason}</translation>
    </message>
    <message>
        <source>{verdict}：请先回答“需要了解的情况”</source>
        <translation>{verdict}: answer the questions still open first</translation>
    </message>
    <message>
        <source>过渡条款</source>
        <translation>transitional provision</translation>
    </message>
    <message>
        <source>关系未填</source>
        <translation>relation not given</translation>
    </message>
    <message>
        <source>决定：{decision}    片区：{zone}    适用政策：{policies}</source>
        <translation>Decision: {decision}    Zone: {zone}    Policies: {policies}</translation>
    </message>
    <message>
        <source>随迁人员：</source>
        <translation>Accompanying relatives:</translation>
    </message>
    <message>
        <source>出处：{clause}</source>
        <translation>Source: {clause}</translation>
    </message>
    <message>
        <source>条款原文：{text}</source>
        <translation>Clause text: {text}</translation>
    </message>
    <message>
        <source>不符合：{condition}</source>
        <translation>Not met: {condition}</translation>
    </message>
    <message>
        <source>待了解：{fact}</source>
        <translation>Still unknown: {fact}</translation>
    </message>
    <message>
        <source>如何符合：{hint}</source>
        <translation>Would be eligible: {hint}</translation>
    </message>
    <message>
        <source>材料：{document}</source>
        <translation>Document: {document}</translation>
    </message>
    <message>
        <source>无权操作</source>
        <translation>Not allowed</translation>
    </message>
    <message>
        <source>当前状态不能这样办理</source>
        <extracomment>the codes whose params ``_counter_terms`` puts in the desk&apos;s language</extracomment>
        <translation>Not possible in this state</translation>
    </message>
    <message>
        <source>信息有误</source>
        <translation>Please correct the form</translation>
    </message>
    <message>
        <source>读卡失败</source>
        <translation>Card not read</translation>
    </message>
    <message>
        <source>字库缺字</source>
        <translation>A character cannot be printed</translation>
    </message>
    <message>
        <source>无法办理</source>
        <translation>Cannot be done</translation>
    </message>
    <message>
        <source>随迁人员第 {n} 人</source>
        <translation>relative {n}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>至少需要 {least} 个字符</source>
        <translation>it needs at least {least} characters</translation>
    </message>
    <message>
        <source>不能只有空格或制表符</source>
        <translation>it cannot be only spaces or tabs</translation>
    </message>
    <message>
        <source>需要同时包含字母和数字或其他符号</source>
        <translation>it needs both letters and digits or other signs</translation>
    </message>
    <message>
        <source>需要更多不同的字符，不能只是一两个字符重复</source>
        <translation>it needs more different characters, not one or two repeated</translation>
    </message>
    <message>
        <source>这是猜密码的人最先尝试的密码之一，请换一个</source>
        <translation>it is among the first every guesser tries; choose another</translation>
    </message>
    <message>
        <source>常用词或连续的字母再加连续的数字（如 abc123、Admin@123）一猜就中，请换一个</source>
        <translation>a common word or a run of letters with a run of digits (such as abc123 or Admin@123) is guessed at once; choose another</translation>
    </message>
    <message>
        <source>不能包含用户名</source>
        <translation>it must not contain the user name</translation>
    </message>
    <message>
        <source>还没有审查结论</source>
        <translation>no decision yet</translation>
    </message>
    <message>
        <source>身份证号码应为 18 位（输入的是 {length} 位）；15 位的旧号码已停用</source>
        <translation>An ID number has 18 characters ({length} typed); 15-digit numbers are no longer valid</translation>
    </message>
    <message>
        <source>请输入区县的代码、汉字或拼音，如 370102 或 历下</source>
        <translation>type the county&apos;s code, its characters or its pinyin, e.g. 370102 or lixia</translation>
    </message>
    <message>
        <source>无法识别的日期，请按 2024-03-01 或 20240301 填写</source>
        <translation>a date that cannot be read; type it as 2024-03-01 or 20240301</translation>
    </message>
    <message>
        <source>此项必须填写</source>
        <translation>this must be filled in</translation>
    </message>
    <message>
        <source>出生日期晚于申请日期，请核对身份证号和申请日期</source>
        <translation>the birth date is after the application date; check the ID number and the date</translation>
    </message>
    <message>
        <source>不是可选的值，请从列表中选择</source>
        <translation>not one of the choices; choose from the list</translation>
    </message>
    <message>
        <source>填写有误，请对照屏幕上的提示核对后重新填写</source>
        <translation>this cannot be taken; check it against the hints on the screen and fill it in again</translation>
    </message>
    <message>
        <source>身份证号码应为 17 位数字加一位数字或 X</source>
        <translation>An ID number is 17 digits followed by a digit or X</translation>
    </message>
    <message>
        <source>校验位应为 {expected}（输入的是 {typed}）；请对照证件重新核对号码，可能输错了一位</source>
        <translation>The check digit should be {expected} ({typed} typed); compare the number with the card, a digit is probably mistyped</translation>
    </message>
    <message>
        <source>号码中的出生日期 {born} 不是有效日期；请对照证件重新核对号码</source>
        <translation>The birth date {born} in the number is not a date; compare the number with the card</translation>
    </message>
    <message>
        <source>身份证号码有误，请对照证件重新核对</source>
        <translation>The ID number is wrong; compare it with the card</translation>
    </message>
    <message>
        <source>身份证号码有误</source>
        <translation>Wrong ID number</translation>
    </message>
    <message>
        <source>程序出错</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>操作未完成，已保存的内容不受影响；请把日志交给管理员。（{error}）</source>
        <translation>The action did not finish; what was saved is safe. Please give the log to the office IT person. ({error})</translation>
    </message>
    <message>
        <source>户主姓名</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <source>户号</source>
        <translation>Household number</translation>
    </message>
    <message>
        <source>户别</source>
        <translation>Household kind</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>与户主关系</source>
        <translation>Relation to head</translation>
    </message>
    <message>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>随迁人员</source>
        <translation>Accompanying relative</translation>
    </message>
    <message>
        <source>18 位身份证号</source>
        <translation>18-digit ID number</translation>
    </message>
    <message>
        <source>无身份证时 2015-06-01</source>
        <translation>without an ID number: 2015-06-01</translation>
    </message>
    <message>
        <source>请选择“关系”（输入拼音首字母或序号）</source>
        <translation>Choose the “Relation” (type its initials or its number).</translation>
    </message>
    <message>
        <source>“身份证号”有误：{problem}</source>
        <translation>The “ID number” is wrong: {problem}</translation>
    </message>
    <message>
        <source>“出生日期”无法识别：请按 20150601 或 2015-06-01 填写。</source>
        <translation>“Born” cannot be read: type it as 20150601 or 2015-06-01.</translation>
    </message>
    <message>
        <source>请填“身份证号”；还没有身份证的孩子，填“出生日期”并选“性别”。</source>
        <translation>Fill in the “ID number”; for a child without an ID card yet, fill in “Born” and choose the “Sex”.</translation>
    </message>
    <message>
        <source>随迁人员的信息不完整或有误，请逐项核对后再确定。</source>
        <translation>The relative&apos;s details are incomplete or wrong; check each field, then press OK.</translation>
    </message>
    <message>
        <source>姓名</source>
        <extracomment>the printed labels the core finds fields by, listed for lupdate</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>没有找到</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>重复申请</source>
        <translation>Duplicate application</translation>
    </message>
    <message>
        <source>申请已被他人修改</source>
        <translation>Changed by someone else</translation>
    </message>
    <message>
        <source>申请 {number} 在您打开之后已被他人保存（您看到的是第 {seen} 版，现在是第 {current} 版），您的修改没有保存。请返回队列重新打开这份申请，再做修改。</source>
        <translation>Application {number} was saved by someone else after you opened it (you saw version {seen}, it is now version {current}); your change was not saved. Go back to the queue, open the application again and redo your change.</translation>
    </message>
    <message>
        <source>缺少姓名</source>
        <translation>Name missing</translation>
    </message>
    <message>
        <source>受理 {number} 需要填写户口簿上的姓名：{who}。请补上后保存，再受理。</source>
        <translation>To accept {number}, the name as the hukou book shows it is needed for: {who}. Add it, save, then accept.</translation>
    </message>
    <message>
        <source>{username}（{role}）不能{action}这份申请；需要以下角色之一：{roles}。</source>
        <translation>{username} ({role}) may not {action} this application; it needs one of: {roles}.</translation>
    </message>
    <message>
        <source>本机没有申请 {number}；可按姓名或身份证号查找。</source>
        <translation>There is no application {number} on this desk; search for it by name or ID number.</translation>
    </message>
    <message>
        <source>需由另一位审核人员批准</source>
        <translation>Another supervisor must approve</translation>
    </message>
    <message>
        <source>{username} 受理了申请 {number}，不能再批准它；请由另一位审核人员批准（受理与批准分人办理）。</source>
        <translation>{username} accepted application {number} and so cannot approve it too; another supervisor must approve it (maker-checker).</translation>
    </message>
    <message>
        <source>{username} 录入或修改过申请 {number} 的审查依据，不能批准它；请由另一位审核人员批准。</source>
        <translation>{username} entered or changed facts of application {number} that its decision rests on, and so cannot approve it; another supervisor must approve it.</translation>
    </message>
    <message>
        <source>已经落户</source>
        <translation>Already settled</translation>
    </message>
    <message>
        <source>申请 {number} 不能办结：{who} {name} 已在本所以申请 {other} 落户，同一人只能落户一次。</source>
        <translation>Application {number} cannot be settled: {who} {name} was already settled here under application {other}; a person is settled only once.</translation>
    </message>
    <message>
        <source>不能批准</source>
        <translation>Cannot approve</translation>
    </message>
    <message>
        <source>申请 {number} 的审查结论是“{decision}”，不是“符合”，不能批准；请补充待答问题后重新审查，或说明理由不予批准。</source>
        <translation>The decision on application {number} is {decision}, not eligible, so it cannot be approved; answer the open questions and decide again, or refuse it with reasons.</translation>
    </message>
    <message>
        <source>申请数据被改动，已拒绝</source>
        <translation>Application data changed: refused</translation>
    </message>
    <message>
        <source>申请 {number} 在本机数据中的状态或审查依据与审计记录不符，是在程序以外被改动的；此操作已拒绝，并已记入审计记录。请告知所里的IT人员和审核人员（caseworker audit verify 列出所有此类申请）。</source>
        <translation>The state or the grounds of application {number} on this machine do not match the audit trail: they were changed outside the program. The step was refused and this was written into the audit trail. Tell the office IT person and a supervisor (caseworker audit verify lists every such application).</translation>
    </message>
    <message>
        <source>材料已不能登记</source>
        <translation>Documents closed</translation>
    </message>
    <message>
        <source>申请 {number} 已是“{state}”状态，不能再登记查验的材料。</source>
        <translation>Application {number} is {state}; documents seen can no longer be recorded on it.</translation>
    </message>
    <message>
        <source>缺少材料名称</source>
        <translation>Document name missing</translation>
    </message>
    <message>
        <source>请按材料清单填写材料名称。</source>
        <translation>Enter the document&apos;s name as the checklist shows it.</translation>
    </message>
    <message>
        <source>需要填写理由</source>
        <translation>A reason is needed</translation>
    </message>
    <message>
        <source>{action}需要填写理由；理由会保存并打印。</source>
        <translation>{action} needs a reason; it is kept and printed.</translation>
    </message>
    <message>
        <source>中心人口索引显示申请人在 {office} 所有申请 {other}（{state}）；请先与该所处理完毕，再在本所受理（索引以最近一次同步为准）。</source>
        <translation>The central person index shows the applicant in application {other} ({state}) at office {office}; settle it with that office before accepting here (the index is as of the last sync).</translation>
    </message>
    <message>
        <source>此人已有未办结的申请 {other}（{state}）；请继续办理那份申请，或先撤回它。</source>
        <translation>This person already has open application {other} ({state}); continue that one, or withdraw it first.</translation>
    </message>
    <message>
        <source>此人已在本所以申请 {other} 落户，同一人只能落户一次。</source>
        <translation>This person was already settled here under application {other}; a person is settled only once.</translation>
    </message>
    <message>
        <source>扫描件为空</source>
        <translation>Empty scan</translation>
    </message>
    <message>
        <source>{filename} 是空文件，请重新扫描。</source>
        <translation>{filename} is empty; scan it again.</translation>
    </message>
    <message>
        <source>扫描件过大</source>
        <translation>Scan too large</translation>
    </message>
    <message>
        <source>{filename} 有 {megabytes} MB，超过扫描件上限 {limit} MB；请用 300 dpi 彩色 JPEG 重新扫描。</source>
        <translation>{filename} is {megabytes} MB, more than a scan may be ({limit} MB); scan again at 300 dpi in colour JPEG.</translation>
    </message>
    <message>
        <source>不能打印</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <source>申请处于“{state}”状态，不打印{kind}。</source>
        <translation>A {kind} is not printed for an application that is {state}.</translation>
    </message>
    <message>
        <source>申请 {number} 的{kind} {document} 已作废（{reason}），作废不可撤销；如需新的一份，请由审核人员“补打”，另编份数。</source>
        <translation>The {kind} {document} of application {number} was voided ({reason}); a void cannot be undone. For a new copy, a supervisor reprints it, with its own copy number.</translation>
    </message>
    <message>
        <source>{document} 已作废；作废后补打须由审核人员办理。</source>
        <translation>{document} was voided; after a void, only a supervisor may reprint it.</translation>
    </message>
    <message>
        <source>姓名与已有记录不符</source>
        <translation>The name differs from the record</translation>
    </message>
    <message>
        <source>身份证号码 {id_masked} 在申请 {other} 中登记为 {held_name}，不是 {name}；请核对姓名和号码。同一人在各申请中只有一个姓名，{other} 的记录只能在 {other} 中更正。</source>
        <translation>ID number {id_masked} is on application {other} under the name {held_name}, not {name}; check the name and the number. A person has one name on every application; {other}&apos;s record is corrected only on {other} itself.</translation>
    </message>
    <message>
        <source>身份证号码 {id_masked} 已在本所其他申请中以其他姓名登记，不是 {name}；请核对姓名和号码，或向派出所民警询问。</source>
        <translation>ID number {id_masked} is on another application of this office under another name than {name}; check the name and the number, or ask the station&apos;s officers.</translation>
    </message>
    <message>
        <source>不能补打</source>
        <translation>Cannot reprint</translation>
    </message>
    <message>
        <source>申请 {number} 还没有打印过{kind}，无需补打；请直接打印。</source>
        <translation>No {kind} of application {number} was printed yet, so there is nothing to reprint; print it instead.</translation>
    </message>
    <message>
        <source>已经打印</source>
        <translation>Already printed</translation>
    </message>
    <message>
        <source>申请 {number} 的{kind}已打印，编号 {document}；如需再打一份，请用“补打”，编号不变。</source>
        <translation>The {kind} of application {number} was printed as {document}; to print it again use Reprint, which keeps its number.</translation>
    </message>
    <message>
        <source>{username}（{role}）不能打印文书。</source>
        <translation>{username} ({role}) may not print documents.</translation>
    </message>
    <message>
        <source>{username}（{role}）不能作废已打印的文书；请由审核人员作废。</source>
        <translation>{username} ({role}) may not void a printed document; a supervisor must void it.</translation>
    </message>
    <message>
        <source>本所要求{role}登录时输入动态口令，此账户尚未绑定；请管理员为 {username} 绑定动态口令。</source>
        <translation>This office requires a second factor for {role}, and this account has none yet; ask an administrator to set one up for {username}.</translation>
    </message>
    <message>
        <source>作废已打印的文书需要填写理由；理由会保存。</source>
        <translation>Voiding a printed document needs a reason; it is kept.</translation>
    </message>
    <message>
        <source>没有未作废的已打印文书 {document}。</source>
        <translation>There is no printed document {document} that is not void.</translation>
    </message>
    <message>
        <source>登录失败</source>
        <translation>Login failed</translation>
    </message>
    <message>
        <source>用户名或密码错误，或账户因多次输错已暂时锁定；请稍后再试，或请管理员解锁。</source>
        <translation>The user name or the password is wrong, or the account is locked for a while after too many wrong passwords; try again later, or ask an administrator to unlock it.</translation>
    </message>
    <message>
        <source>需要动态口令</source>
        <translation>Code needed</translation>
    </message>
    <message>
        <source>请输入身份验证器应用中的 6 位动态口令。</source>
        <translation>Enter the 6-digit code from your authenticator app.</translation>
    </message>
    <message>
        <source>动态口令错误</source>
        <translation>Wrong code</translation>
    </message>
    <message>
        <source>动态口令错误或已使用过；请等待下一个口令。</source>
        <translation>The code is wrong or was already used; wait for the next one.</translation>
    </message>
    <message>
        <source>账户已停用</source>
        <translation>Account disabled</translation>
    </message>
    <message>
        <source>此账户已停用；请用其他账户登录。</source>
        <translation>This account was disabled; log in as another user.</translation>
    </message>
    <message>
        <source>密码错误</source>
        <translation>Wrong password</translation>
    </message>
    <message>
        <source>当前密码错误；没有做任何修改。</source>
        <translation>The current password is wrong; nothing was changed.</translation>
    </message>
    <message>
        <source>密码未修改</source>
        <translation>Password not changed</translation>
    </message>
    <message>
        <source>新密码不能与当前密码相同。</source>
        <translation>The new password must differ from the current one.</translation>
    </message>
    <message>
        <source>密码不符合要求</source>
        <translation>Password not accepted</translation>
    </message>
    <message>
        <source>新密码不符合要求：{why}。</source>
        <translation>The new password is not accepted: {why}.</translation>
    </message>
    <message>
        <source>这份申请刚刚被他人修改，您的操作没有保存。请返回队列重新打开，再办理一次。</source>
        <translation>This application was just changed by someone else; your step was not saved. Go back to the queue, open it again and do the step once more.</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>婚姻状况</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <source>共同居住</source>
        <translation>Lives together</translation>
    </message>
    <message>
        <source>按 Y 或 N（1 或 2）</source>
        <translation>press Y or N (1 or 2)</translation>
    </message>
    <message>
        <source>输入拼音首字母或序号</source>
        <translation>type its first letters or its number</translation>
    </message>
    <message>
        <source>六位区县代码，如 370102</source>
        <translation>six-digit county code, e.g. 370102</translation>
    </message>
    <message>
        <source>请填六位区县代码，如 370102</source>
        <translation>Enter a six-digit county code, e.g. 370102</translation>
    </message>
    <message>
        <source>无法读取，请按提示填写</source>
        <translation>This cannot be read; enter it as the hint shows</translation>
    </message>
    <message>
        <source>如 20190315；没有填 N</source>
        <translation>e.g. 20190315; never: N</translation>
    </message>
    <message>
        <source>如 20190315</source>
        <translation>e.g. 20190315</translation>
    </message>
    <message>
        <source>没有</source>
        <translation>never</translation>
    </message>
    <message>
        <source>请填日期，如 20190315 或 2019-03-15</source>
        <translation>Enter a date, e.g. 20190315 or 2019-03-15</translation>
    </message>
    <message>
        <source>；没有填 N</source>
        <translation>; never: N</translation>
    </message>
    <message>
        <source>否</source>
        <translation>no</translation>
    </message>
    <message>
        <source>身份证</source>
        <extracomment>the relatives the decision shown was made for (its verdicts are theirs only) images accepted from the scanner, attached when the application is saved (filename, image, media type, provenance: which fields came from the scan)</extracomment>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <source>读卡 (F5)</source>
        <translation>Read card (F5)</translation>
    </message>
    <message>
        <source>姓名，与户口簿一致</source>
        <translation>Name, as in the hukou book</translation>
    </message>
    <message>
        <source>扫描证件… (F6)</source>
        <translation>Scan a document… (F6)</translation>
    </message>
    <message>
        <source>户口簿（户主页、常住人口登记卡）</source>
        <translation>Hukou book (head-of-household page, registration card)</translation>
    </message>
    <message>
        <source>户口簿上的出生日期 2000-01-31</source>
        <translation>Birth date in the book, 2000-01-31</translation>
    </message>
    <message>
        <source>出生日期（户口簿）</source>
        <translation>Born (book)</translation>
    </message>
    <message>
        <source>拟落户地</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>代码、汉字或拼音</source>
        <translation>code, Chinese name or pinyin</translation>
    </message>
    <message>
        <source>区县：代码、汉字或拼音 370102 / 历下 / lixia</source>
        <translation>County: code, characters or pinyin 370102 / 历下 / lixia</translation>
    </message>
    <message>
        <source>街道（镇）</source>
        <translation>Street or town</translation>
    </message>
    <message>
        <source>详细地址</source>
        <translation>Address in full</translation>
    </message>
    <message>
        <source>户口簿详情 (Ctrl+B)</source>
        <translation>Hukou book details (Ctrl+B)</translation>
    </message>
    <message>
        <source>已填 {n} 项</source>
        <translation>{n} filled</translation>
    </message>
    <message>
        <source>申请人姓名</source>
        <translation>the applicant&apos;s name</translation>
    </message>
    <message>
        <source>随迁人员第 {n} 人的姓名</source>
        <translation>the name of accompanying relative {n}</translation>
    </message>
    <message>
        <source>受理前请填写{what}（与户口簿一致），保存后即可受理。</source>
        <translation>Before acceptance, fill in {what} (as the hukou book shows it) and save; then it can be accepted.</translation>
    </message>
    <message>
        <source>申请日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>区县</source>
        <translation>County</translation>
    </message>
    <message>
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>需要了解的情况（按规则需要的顺序）</source>
        <translation>Questions (in the order the rules need them)</translation>
    </message>
    <message>
        <source>随迁人员</source>
        <comment>group</comment>
        <translation>Accompanying relatives</translation>
    </message>
    <message>
        <source>添加 (Ctrl+R)</source>
        <translation>Add (Ctrl+R)</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>男</source>
        <translation>male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>female</translation>
    </message>
    <message>
        <source>出生 {born}  {sex}</source>
        <translation>born {born}  {sex}</translation>
    </message>
    <message>
        <source>出生日期不一致：户口簿 {book}，身份证 {card}</source>
        <translation>Birth dates differ: book {book}, ID {card}</translation>
    </message>
    <message>
        <source>姓名不一致：户口簿 {book}，身份证 {card}</source>
        <translation>Names differ: book {book}, card {card}</translation>
    </message>
    <message>
        <source>先填身份证号和拟落户区县</source>
        <translation>Fill in the ID number and the destination county</translation>
    </message>
    <message>
        <source>片区：{zone}；{on} 适用的政策：{policies}</source>
        <translation>Zone: {zone}; policies in force on {on}: {policies}</translation>
    </message>
    <message>
        <source>正在审查…</source>
        <translation>deciding…</translation>
    </message>
    <message>
        <source>登录 — 落户受理台</source>
        <translation>Log in — Settlement counter desk</translation>
    </message>
    <message>
        <source>正在打开存储…</source>
        <translation>Opening the store…</translation>
    </message>
    <message>
        <source>6 位动态口令</source>
        <translation>6-digit code</translation>
    </message>
    <message>
        <source>动态口令</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在打开存储，请稍候…</source>
        <translation>Opening the store, a moment…</translation>
    </message>
    <message>
        <source>正在核对…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>初次设置</source>
        <translation>Set up this office</translation>
    </message>
    <message>
        <source>数据目录：{folder}</source>
        <translation>Data folder: {folder}</translation>
    </message>
    <message>
        <source>例如：泉城路街道</source>
        <translation>e.g. Quanchenglu Street</translation>
    </message>
    <message>
        <source>派出所代码</source>
        <translation>Office code</translation>
    </message>
    <message>
        <source>派出所名称</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>辖区</source>
        <translation>Jurisdiction</translation>
    </message>
    <message>
        <source>制作密钥恢复单</source>
        <translation>Make the key recovery sheet</translation>
    </message>
    <message>
        <source>存储密钥保存在本用户的系统钥匙串中。换电脑或用户配置丢失时，只有用恢复文件和口令才能打开备份。建议现在制作：恢复文件和打印的恢复单放所内保险柜，口令另行密封保管。</source>
        <translation>The store key is kept in this user&apos;s system keyring. On a new PC, or when the user profile is lost, backups can be opened only with the recovery file and its passphrase. Make them now: keep the recovery file and the printed sheet in the station&apos;s safe, and the passphrase apart, sealed.</translation>
    </message>
    <message>
        <source>恢复口令（至少 {n} 个字符）</source>
        <translation>Recovery passphrase (at least {n} characters)</translation>
    </message>
    <message>
        <source>再次输入</source>
        <translation>Again</translation>
    </message>
    <message>
        <source>保存到文件夹</source>
        <translation>Save in folder</translation>
    </message>
    <message>
        <source>制作</source>
        <translation>Make</translation>
    </message>
    <message>
        <source>以后再说</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>两次输入的口令不一致</source>
        <translation>The two passphrases differ</translation>
    </message>
    <message>
        <source>密钥文件</source>
        <translation>Key file</translation>
    </message>
    <message>
        <source>存储密钥将保存在本机的系统钥匙串中。</source>
        <translation>The store key will be kept in this machine&apos;s keyring.</translation>
    </message>
    <message>
        <source>留空：使用系统钥匙串</source>
        <translation>Leave empty: use the keyring</translation>
    </message>
    <message>
        <source>本机没有可用的系统钥匙串（keyring）。存储密钥将保存在下面指定的文件中，只有当前用户可读；不要放在共享盘或移动盘上，并请另行备份。</source>
        <translation>This machine has no usable keyring. The store key will be kept in the file named below, readable only by this user; do not put it on a shared or removable drive, and keep a copy elsewhere.</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <source>本机没有系统钥匙串：请指定密钥文件的位置。</source>
        <translation>This machine has no keyring: name where the key file goes.</translation>
    </message>
    <message>
        <source>“派出所代码”应为 6 到 12 位数字，如 370102001。</source>
        <translation>The “Office code” is 6 to 12 digits, e.g. 370102001.</translation>
    </message>
    <message>
        <source>请填写“派出所名称”。</source>
        <translation>Fill in the “Station”.</translation>
    </message>
    <message>
        <source>“密码”不能用：{reason}</source>
        <translation>The “Password” cannot be used: {reason}</translation>
    </message>
    <message>
        <source>{folder} 中已有存储，没有改动它；请换一个数据目录，或从备份恢复。</source>
        <translation>{folder} already holds a store; it was left untouched. Choose another data folder, or restore a backup.</translation>
    </message>
    <message>
        <source>&lt;h2&gt;已锁定&lt;/h2&gt;&lt;p&gt;{who} 请输入密码继续&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Locked&lt;/h2&gt;&lt;p&gt;{who}, enter your password to go on&lt;/p&gt;</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>设置新密码</source>
        <translation>Set a new password</translation>
    </message>
    <message>
        <source>管理员重置了您的密码，请设置新密码。</source>
        <translation>Your password was reset: choose your own.</translation>
    </message>
    <message>
        <source>当前密码</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New</translation>
    </message>
    <message>
        <source>审核人员确认</source>
        <translation>Supervisor&apos;s confirmation</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>查找：身份证号、姓名、拼音或首字母、申请编号 (Ctrl+F)</source>
        <translation>Search: ID number, name, pinyin or initials, application number (Ctrl+F)</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>从 2024-03-01</source>
        <translation>from 2024-03-01</translation>
    </message>
    <message>
        <source>到 2024-03-31</source>
        <translation>to 2024-03-31</translation>
    </message>
    <message>
        <source>{count} 件</source>
        <translation>{count} shown</translation>
    </message>
    <message>
        <source>申请</source>
        <comment>tab</comment>
        <translation>Applications</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>受理</source>
        <comment>accept an application</comment>
        <translation>Accept</translation>
    </message>
    <message>
        <source>审查</source>
        <translation>Decide</translation>
    </message>
    <message>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>开具准迁证</source>
        <translation>Issue the permit</translation>
    </message>
    <message>
        <source>不予受理/批准</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>打印 (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <source>返回 (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <source>落户受理台</source>
        <translation>Caseworker desk</translation>
    </message>
    <message>
        <source>受理(&amp;A)</source>
        <comment>menu</comment>
        <translation>&amp;Application</translation>
    </message>
    <message>
        <source>新申请</source>
        <translation>New application</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>返回队列</source>
        <translation>Back to the queue</translation>
    </message>
    <message>
        <source>读卡</source>
        <translation>Read ID card</translation>
    </message>
    <message>
        <source>下一个待答问题</source>
        <translation>Next open question</translation>
    </message>
    <message>
        <source>申请人屏幕（双屏核对）</source>
        <translation>Applicant&apos;s screen</translation>
    </message>
    <message>
        <source>申请人已确认</source>
        <translation>Applicant confirmed</translation>
    </message>
    <message>
        <source>打开案例文件…</source>
        <translation>Open case file…</translation>
    </message>
    <message>
        <source>锁屏</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <source>审计日志…</source>
        <translation>Audit trail…</translation>
    </message>
    <message>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>同步冲突…</source>
        <translation>Sync conflicts…</translation>
    </message>
    <message>
        <source>导出同步包…</source>
        <translation>Export a sync bundle…</translation>
    </message>
    <message>
        <source>导入同步包…</source>
        <translation>Import a sync bundle…</translation>
    </message>
    <message>
        <source>办理(&amp;W)</source>
        <translation>&amp;Workflow</translation>
    </message>
    <message>
        <source>受理(&amp;A)</source>
        <comment>workflow step</comment>
        <translation>&amp;Accept</translation>
    </message>
    <message>
        <source>审查(&amp;D)</source>
        <translation>&amp;Decide</translation>
    </message>
    <message>
        <source>批准(&amp;V)</source>
        <translation>Appro&amp;ve</translation>
    </message>
    <message>
        <source>开具准迁证(&amp;I)</source>
        <translation>&amp;Issue the permit</translation>
    </message>
    <message>
        <source>不予受理/批准(&amp;R)</source>
        <translation>&amp;Refuse</translation>
    </message>
    <message>
        <source>作废(&amp;X)</source>
        <translation>Void (&amp;X)</translation>
    </message>
    <message>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>用户 {user}（{role}）</source>
        <translation>User {user} ({role})</translation>
    </message>
    <message>
        <source>只读（已损坏）</source>
        <translation>read-only (damaged)</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>本地存储：{state}</source>
        <translation>Store: {state}</translation>
    </message>
    <message>
        <source>同步：未连接</source>
        <translation>Sync: not connected</translation>
    </message>
    <message>
        <source>⚠ 存储密钥在文件中：{file}</source>
        <translation>⚠ Store key kept in a file: {file}</translation>
    </message>
    <message>
        <source>本机没有系统钥匙串，存储密钥保存在这个文件中。请确保只有本用户可读，并另行备份。</source>
        <translation>This machine has no keyring, so the store key is kept in this file. Make sure only this user can read it, and keep a copy elsewhere.</translation>
    </message>
    <message>
        <source>导出同步包</source>
        <translation>Export a sync bundle</translation>
    </message>
    <message>
        <source>同步包 (*.cwb)</source>
        <translation>Sync bundles (*.cwb)</translation>
    </message>
    <message>
        <source>导入同步包</source>
        <translation>Import a sync bundle</translation>
    </message>
    <message>
        <source>同步包 (*.cwb *.return)</source>
        <translation>Sync bundles (*.cwb *.return)</translation>
    </message>
    <message>
        <source>保存回执包</source>
        <translation>Save the return bundle</translation>
    </message>
    <message>
        <source>回执包 (*.return)</source>
        <translation>Return bundles (*.return)</translation>
    </message>
    <message>
        <source>同步冲突</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <source>无法保存设置</source>
        <translation>The setting cannot be saved</translation>
    </message>
    <message>
        <source>界面语言没有保存，下次启动仍是现在的语言。请检查本机数据文件夹能否写入，或请管理员处理。</source>
        <translation>The language was not saved; the desk keeps its current language at the next start. Check that this machine&apos;s data folder can be written to, or ask the administrator.</translation>
    </message>
    <message>
        <source>界面语言：{language}</source>
        <translation>Language: {language}</translation>
    </message>
    <message>
        <source>打印回执(&amp;R)</source>
        <translation>Print the &amp;receipt</translation>
    </message>
    <message>
        <source>受理回执编号：{number}</source>
        <translation>Receipt number: {number}</translation>
    </message>
    <message>
        <source>申请 {number} 已在同步中更新；您的修改尚未保存，保存时会提示重新打开。</source>
        <translation>Application {number} was updated by a sync; your changes are not saved yet, and saving them will ask you to open it again.</translation>
    </message>
    <message>
        <source>新申请（未保存）</source>
        <translation>New application, not saved yet</translation>
    </message>
    <message>
        <source>申请 {number}：{state}</source>
        <translation>Application {number}: {state}</translation>
    </message>
    <message>
        <source>只读</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <source>存储已损坏，只能查看。</source>
        <translation>The store is damaged: read-only.</translation>
    </message>
    <message>
        <source>已自动保存 {number} {time}</source>
        <translation>Autosaved {number} {time}</translation>
    </message>
    <message>
        <source>已保存 {number} {time}</source>
        <translation>Saved {number} {time}</translation>
    </message>
    <message>
        <source>未自动保存：{reason}</source>
        <translation>Not autosaved: {reason}</translation>
    </message>
    <message>
        <source>请先保存</source>
        <translation>Save first</translation>
    </message>
    <message>
        <source>有未保存的修改，请先保存 (Ctrl+S)。</source>
        <translation>There are unsaved changes: save them first (Ctrl+S).</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>请写明理由（将打印在告知书上）：</source>
        <translation>The reason (printed on the notice):</translation>
    </message>
    <message>
        <source>本机已 {days:.0f} 天未同步。开具准迁证需审核人员登录确认。</source>
        <translation>This desk has not synced for {days:.0f} days. A supervisor must sign in to issue the permit.</translation>
    </message>
    <message>
        <source>需要审核人员（supervisor）的账号</source>
        <translation>This needs a supervisor&apos;s account</translation>
    </message>
    <message>
        <source>已核验材料：{name}</source>
        <translation>Document seen: {name}</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>文书：</source>
        <translation>Document:</translation>
    </message>
    <message>
        <source>没有读卡器</source>
        <translation>No card reader</translation>
    </message>
    <message>
        <source>未配置读卡器，请手工输入身份证号。</source>
        <translation>No reader is set up: type the number.</translation>
    </message>
    <message>
        <source>打开案例</source>
        <translation>Open case</translation>
    </message>
    <message>
        <source>案例文件 (*.json)</source>
        <translation>Case files (*.json)</translation>
    </message>
    <message>
        <source>案例文件有误</source>
        <translation>Case file not valid</translation>
    </message>
    <message>
        <source>{problem}

文件：{file}</source>
        <translation>{problem}

File: {file}</translation>
    </message>
    <message>
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>这份申请有未保存的修改，要保存吗？</source>
        <translation>This application has unsaved changes. Save them?</translation>
    </message>
    <message>
        <source>打印预览 — {title}</source>
        <extracomment>what &quot;save as&quot; suggests: the document and its number, in the documents folder</extracomment>
        <translation>Print preview — {title}</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>另存为 PDF(&amp;S)…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <source>高拍仪</source>
        <translation>Document camera</translation>
    </message>
    <message>
        <source>请把材料放在高拍仪下，放稳后自动拍摄。</source>
        <translation>Place the document under the camera; it is taken when it holds still.</translation>
    </message>
    <message>
        <source>放稳后自动拍摄(&amp;A)</source>
        <translation>Take when still (&amp;A)</translation>
    </message>
    <message>
        <source>拍摄(&amp;T)</source>
        <translation>&amp;Take</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>画面在动，请放稳。</source>
        <translation>The picture is moving; hold the document still.</translation>
    </message>
    <message>
        <source>画面已稳定。</source>
        <translation>The picture is still.</translation>
    </message>
    <message>
        <source>高拍仪无法使用。请检查高拍仪的连接线和电源，或请信息员在外设设置中选择正确的高拍仪；也可以关闭此窗口，用扫描仪扫描或打开图片文件。</source>
        <translation>The document camera cannot be used. Check its cable and power, or ask the IT person to choose the right camera in the device settings; you can also close this window and scan the page with the scanner or open an image file.</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <extracomment>preview at 96 dpi (printing is at the printer&apos;s own resolution)</extracomment>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>查找范围：</source>
        <translation>Look in:</translation>
    </message>
    <message>
        <source>文件名：</source>
        <translation>File name:</translation>
    </message>
    <message>
        <source>文件类型：</source>
        <translation>Files of type:</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>打印机没有响应。请检查打印机的电源、连接线和纸张，或在打印对话框中选择另一台打印机后再打印。</source>
        <translation>The printer does not respond. Check its power, cable and paper, or choose another printer in the print dialog and print again.</translation>
    </message>
    <message>
        <source>无法打印</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <source>本机的外设设置（devices.json）无法使用，请联系信息员修正。</source>
        <translation>This PC&apos;s device settings (devices.json) cannot be used; ask the office&apos;s IT person to fix them.</translation>
    </message>
    <message>
        <source>其他奖项</source>
        <translation>other award</translation>
    </message>
    <message>
        <source>第{rank}名</source>
        <translation>place {rank}</translation>
    </message>
    <message>
        <source>表彰和职业技能竞赛获奖</source>
        <translation>Commendations and contest prizes</translation>
    </message>
    <message>
        <source>不分名次</source>
        <translation>no place</translation>
    </message>
    <message>
        <source>第 </source>
        <translation>place </translation>
    </message>
    <message>
        <source> 名</source>
        <translation> </translation>
    </message>
    <message>
        <source>获奖日期，如 20190501</source>
        <translation>date of the award, e.g. 20190501</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>名次</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>获奖日期</source>
        <translation>Date of the award</translation>
    </message>
    <message>
        <source>已填的获奖（选中后按 Delete 删除）：</source>
        <translation>Awards given (select one and press Delete to remove it):</translation>
    </message>
    <message>
        <source>请选择“类别”（输入拼音首字母或序号）。</source>
        <translation>Choose the “Kind” (type its initials or its number).</translation>
    </message>
    <message>
        <source>“获奖日期”无法识别：请按 20190501 或 2019-05-01 填写。</source>
        <translation>The “Date of the award” cannot be read: type it as 20190501 or 2019-05-01.</translation>
    </message>
    <message>
        <source>“获奖日期”不能晚于今天，请核对。</source>
        <translation>The “Date of the award” cannot be after today; check it.</translation>
    </message>
    <message>
        <source>没有按回车，有按空格</source>
        <translation>Enter: none; Space: add</translation>
    </message>
    <message>
        <source>关于落户受理台</source>
        <translation>About the settlement desk</translation>
    </message>
    <message>
        <source>落户受理台 版本 {version}</source>
        <translation>Settlement desk, version {version}</translation>
    </message>
    <message>
        <source>政策</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>校验值</source>
        <translation>Checksum</translation>
    </message>
    <message>
        <source>规则包</source>
        <translation>Rule packs</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>数据和组件</source>
        <translation>Data and components</translation>
    </message>
    <message>
        <source>第三方许可声明在安装包中（构建时生成）；源代码运行时没有。</source>
        <translation>The third-party notices are in the installed program (written by the build); a source checkout has none.</translation>
    </message>
    <message>
        <source>第三方许可</source>
        <translation>Third-party licences</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>关于…</source>
        <translation>About…</translation>
    </message>
    <message>
        <source>导出诊断包…</source>
        <translation>Export diagnostics bundle…</translation>
    </message>
    <message>
        <source>在册人数</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>已关闭</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>公民身份号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>与申请人关系</source>
        <translation>Relation to the applicant</translation>
    </message>
    <message>
        <source>迁入方式</source>
        <translation>How they came</translation>
    </message>
    <message>
        <source>迁入日期</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>去向</source>
        <translation>Left for</translation>
    </message>
    <message>
        <source>本人</source>
        <translation>applicant</translation>
    </message>
    <message>
        <source>含已关闭</source>
        <translation>Show closed ones</translation>
    </message>
    <message>
        <source>含已迁出</source>
        <translation>Show those who left</translation>
    </message>
    <message>
        <source>选择一个集体户</source>
        <translation>Choose a collective household</translation>
    </message>
    <message>
        <source>新建…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>接收入户…</source>
        <translation>Admit…</translation>
    </message>
    <message>
        <source>迁出…</source>
        <translation>Move out…</translation>
    </message>
    <message>
        <source>转移…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <source>家庭户口簿…</source>
        <translation>Family booklet…</translation>
    </message>
    <message>
        <source>打印花名册</source>
        <translation>Print roster</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>关闭集体户…</source>
        <translation>Close collective…</translation>
    </message>
    <message>
        <source>没有可查看的集体户</source>
        <translation>No collective household you may see</translation>
    </message>
    <message>
        <source>住址：{address}&#x3000;在册 {count} 人</source>
        <translation>Address: {address}   {count} registered</translation>
    </message>
    <message>
        <source>接收入户</source>
        <translation>Admit</translation>
    </message>
    <message>
        <source>已批准的申请编号（本人及可随迁的亲属一并入户）：</source>
        <translation>Number of the approved application (the applicant and the relatives who may accompany are admitted):</translation>
    </message>
    <message>
        <source>已入户 {count} 人</source>
        <translation>{count} admitted</translation>
    </message>
    <message>
        <source>请先在名册中选择一名在册人员。</source>
        <translation>Choose a registered member in the roster first.</translation>
    </message>
    <message>
        <source>迁出</source>
        <translation>Move out</translation>
    </message>
    <message>
        <source>{name} 迁往何处：</source>
        <translation>Where does {name} move to:</translation>
    </message>
    <message>
        <source>已迁出</source>
        <translation>Moved out</translation>
    </message>
    <message>
        <source>家庭户（填户号或地址）</source>
        <translation>A family household (its number or address)</translation>
    </message>
    <message>
        <source>转移</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>转往：</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>已转移</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>集体户成员名册 {code}</source>
        <translation>Roster {code}</translation>
    </message>
    <message>
        <source>导出名册</source>
        <translation>Export the roster</translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>{file}：{reason}
请换一个位置。</source>
        <translation>{file}: {reason}
Choose another place.</translation>
    </message>
    <message>
        <source>已导出到 {file}</source>
        <translation>Exported to {file}</translation>
    </message>
    <message>
        <source>关闭集体户</source>
        <translation>Close the collective household</translation>
    </message>
    <message>
        <source>关闭 {code} 的理由：</source>
        <translation>Why {code} is closed:</translation>
    </message>
    <message>
        <source>集体户</source>
        <translation>Collective households</translation>
    </message>
    <message>
        <source>新建集体户</source>
        <translation>New collective household</translation>
    </message>
    <message>
        <source>区划代码：区县 6 位、街道 9 位或社区 12 位</source>
        <translation>Division code: 6 digits for a county, 9 for a street, 12 for a community</translation>
    </message>
    <message>
        <source>集体户管理员的用户名</source>
        <translation>The collective administrator&apos;s user name</translation>
    </message>
    <message>
        <source>区划代码</source>
        <translation>Division code</translation>
    </message>
    <message>
        <source>设立单位</source>
        <translation>Sponsor (unit or centre)</translation>
    </message>
    <message>
        <source>家庭居民户口簿 — {code}</source>
        <translation>Family booklets — {code}</translation>
    </message>
    <message>
        <source>纳入</source>
        <translation>Include</translation>
    </message>
    <message>
        <source>与户主关系（空为户主）</source>
        <translation>Relation to the head (empty: the head)</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>户号或理由</source>
        <translation>Household number or reasons</translation>
    </message>
    <message>
        <source>申请</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>审批</source>
        <translation>Decide</translation>
    </message>
    <message>
        <source>选择同一集体户内具有家庭成员关系的人员：</source>
        <translation>Choose the members of this collective who are one family:</translation>
    </message>
    <message>
        <source>本集体户的家庭户口簿：</source>
        <translation>This collective&apos;s family booklets:</translation>
    </message>
    <message>
        <source>户主</source>
        <translation>head</translation>
    </message>
    <message>
        <source>请勾选户主（关系留空的一人）和其他家庭成员。</source>
        <translation>Tick the head (the one with no relation) and the other family members.</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>符合落户条件</source>
        <translation>Meets the conditions for settling</translation>
    </message>
    <message>
        <source>还需补充情况或材料后才能决定</source>
        <translation>More information or materials are needed before a decision</translation>
    </message>
    <message>
        <source>按现行政策不符合落户条件</source>
        <translation>Does not meet the conditions under current policy</translation>
    </message>
    <message>
        <source>尚未审查</source>
        <translation>Not decided yet</translation>
    </message>
    <message>
        <source>请核对您的信息</source>
        <translation>Please check your details</translation>
    </message>
    <message>
        <source>信息无误，确认</source>
        <translation>Correct — confirm</translation>
    </message>
    <message>
        <source>欢迎办理户口迁入业务</source>
        <translation>Welcome: household registration, moving in</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>{who}：{name}  身份证号 {id}</source>
        <translation>{who}: {name}  ID number {id}</translation>
    </message>
    <message>
        <source>拟迁入：{place}</source>
        <translation>Moving to: {place}</translation>
    </message>
    <message>
        <source>（尚未填写）</source>
        <translation>(not entered yet)</translation>
    </message>
    <message>
        <source>审查结果：{decision}</source>
        <translation>Decision: {decision}</translation>
    </message>
    <message>
        <source>还需提交的材料：{materials}</source>
        <translation>Materials still needed: {materials}</translation>
    </message>
    <message>
        <source>还需提交的材料：无</source>
        <translation>Materials still needed: none</translation>
    </message>
    <message>
        <source>您已确认以上信息。</source>
        <translation>You have confirmed the details above.</translation>
    </message>
    <message>
        <source>请核对以上信息。无误请告诉工作人员，或点击下方按钮。</source>
        <translation>Please check the details above. If they are correct, tell the clerk or press the button below.</translation>
    </message>
    <message>
        <source>请先保存申请 (Ctrl+S)，再请申请人确认。</source>
        <translation>Save the application first (Ctrl+S), then ask the applicant to confirm.</translation>
    </message>
    <message>
        <source>请稍候，工作人员正在保存。</source>
        <translation>One moment please: the clerk is saving.</translation>
    </message>
    <message>
        <source>申请人已确认 {number} {time}</source>
        <translation>Applicant confirmed {number} {time}</translation>
    </message>
    <message>
        <source>审查结果</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>（未填姓名）</source>
        <extracomment>status colours, light enough to read black text on</extracomment>
        <translation>(no name yet)</translation>
    </message>
    <message>
        <source>分组</source>
        <extracomment>the core&apos;s headings and group names (caseworker.services.statistics), listed for lupdate and translated when drawn</extracomment>
        <translation>Group</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>审查符合</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <source>不予批准</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>已落户</source>
        <translation>Settled</translation>
    </message>
    <message>
        <source>其中已落户</source>
        <translation>of whom settled</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>按日</source>
        <translation>By day</translation>
    </message>
    <message>
        <source>按周</source>
        <translation>By week</translation>
    </message>
    <message>
        <source>按月</source>
        <translation>By month</translation>
    </message>
    <message>
        <source>按落户途径</source>
        <translation>By route</translation>
    </message>
    <message>
        <source>按政策</source>
        <translation>By policy</translation>
    </message>
    <message>
        <source>按片区</source>
        <translation>By zone</translation>
    </message>
    <message>
        <source>按街道</source>
        <translation>By street</translation>
    </message>
    <message>
        <source>按办理结果</source>
        <translation>By outcome</translation>
    </message>
    <message>
        <source>随迁人员按关系</source>
        <translation>Relatives by relation</translation>
    </message>
    <message>
        <source>随迁人员按年龄段</source>
        <translation>Relatives by age band</translation>
    </message>
    <message>
        <source>这段时间没有申请</source>
        <translation>No applications in this period</translation>
    </message>
    <message>
        <source>最近7天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>当前表</source>
        <translation>This table</translation>
    </message>
    <message>
        <source>送{name}部门</source>
        <translation>For the {name} department</translation>
    </message>
    <message>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <source>到</source>
        <translation>to</translation>
    </message>
    <message>
        <source>{start} 至 {end}：受理 {received} 件，已落户 {settled} 件，随迁 {relatives} 人</source>
        <translation>{start} to {end}: {received} received, {settled} settled, {relatives} relatives</translation>
    </message>
    <message>
        <source>{start} 至 {end}：随迁人员 {relatives} 人</source>
        <translation>{start} to {end}: {relatives} relatives</translation>
    </message>
    <message>
        <source>导出统计</source>
        <translation>Export statistics</translation>
    </message>
    <message>
        <source>{group} 的申请（{count} 件）</source>
        <translation>Applications of {group} ({count})</translation>
    </message>
    <message>
        <source>居民身份证（正面）</source>
        <translation>Resident ID card (front)</translation>
    </message>
    <message>
        <source>常住人口登记卡</source>
        <translation>Registration card</translation>
    </message>
    <message>
        <source>户口簿户主页</source>
        <translation>Head-of-household page</translation>
    </message>
    <message>
        <source>出生</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>户主或与户主关系</source>
        <translation>Head, or relation to the head</translation>
    </message>
    <message>
        <source>出生地</source>
        <translation>Birthplace</translation>
    </message>
    <message>
        <source>籍贯</source>
        <translation>Native place</translation>
    </message>
    <message>
        <source>公民身份证件编号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>请按 20190315 或 2019-03-15 填写日期</source>
        <extracomment>problem code -&gt; what to do (the field&apos;s label is put before it)</extracomment>
        <translation>type the date as 20190315 or 2019-03-15</translation>
    </message>
    <message>
        <source>请填写日期；没有的请选“否”</source>
        <translation>type a date, or choose “no” if there is none</translation>
    </message>
    <message>
        <source>请从列表中选择区县</source>
        <translation>choose the county from the list</translation>
    </message>
    <message>
        <source>请选择区县</source>
        <translation>choose the county</translation>
    </message>
    <message>
        <source>请填写身份证号；还没有身份证的孩子，请填写出生日期和性别</source>
        <translation>type the ID number; for a child without an ID card yet, give the birth date and sex</translation>
    </message>
    <message>
        <source>出生日期与身份证号码中的 {born} 不一致，请对照证件核对</source>
        <translation>the birth date differs from {born} in the ID number; check it against the card</translation>
    </message>
    <message>
        <source>性别与身份证号码不一致（号码中为{sex}），请对照证件核对</source>
        <translation>the sex differs from the ID number (which says {sex}); check it against the card</translation>
    </message>
    <message>
        <source>号码中的出生日期 {born} 晚于申请日期 {on}，请核对身份证号码和申请日期</source>
        <translation>the birth date {born} in the number is after the application date {on}; check the ID number and the date</translation>
    </message>
    <message>
        <source>出生日期 {born} 晚于申请日期 {on}，请核对出生日期和申请日期</source>
        <translation>the birth date {born} is after the application date {on}; check the birth date and the application date</translation>
    </message>
    <message>
        <source>没有汉字或字母，请按户口簿填写</source>
        <translation>has no character or letter; type the name as the hukou book shows it</translation>
    </message>
    <message>
        <source>不能含“{char}”，姓名中不能有表情符号、数字或其他符号；请按户口簿填写</source>
        <translation>may not contain “{char}”: a name has no emoji, digits or other symbols; type it as the hukou book shows it</translation>
    </message>
    <message>
        <source>含有不可见的字符，姓名不能含表情符号、数字或其他符号，请按户口簿重新填写</source>
        <translation>holds an invisible character; a name has no emoji, digits or other symbols; type it again as the hukou book shows it</translation>
    </message>
    <message>
        <source>含有不可见的控制字符，请重新填写</source>
        <translation>holds an invisible control character; type the text again</translation>
    </message>
    <message>
        <source>姓名比随迁人员多（{records} 个姓名，{family} 位随迁人员），请删去多余的</source>
        <translation>there are more names than accompanying relatives ({records} names, {family} relatives); remove the extra ones</translation>
    </message>
    <message>
        <source>申请内容无法读取，请重新填写后保存</source>
        <translation>the application cannot be read; fill it in again and save</translation>
    </message>
    <message>
        <source>{county} 不是现行的区县代码，请从列表中选择区县</source>
        <translation>{county} is not a county code in use today; choose the county from the list</translation>
    </message>
    <message>
        <source>{name}是功能区，不是区县；请填写街道（镇），以确定所属区县</source>
        <translation>“{name}” is a functional zone, not a county; give the street or town so that its county is known</translation>
    </message>
    <message>
        <source>“{street}”不是{county_name}的街道或镇，请从列表中选择</source>
        <translation>“{street}” is not a street or town of “{county_name}”; choose one from the list</translation>
    </message>
    <message>
        <source>“{street}”不是{county_name}的街道或镇；请从列表中选择，是否是：{near}？</source>
        <translation>“{street}” is not a street or town of “{county_name}”; choose one from the list — did you mean “{near}”?</translation>
    </message>
    <message>
        <source>填写社区前，请先选择街道（镇）</source>
        <translation>choose the street or town before the community</translation>
    </message>
    <message>
        <source>“{community}”不是{street}的社区，请核对</source>
        <translation>“{community}” is not a community of “{street}”; check it</translation>
    </message>
    <message>
        <source>必须填写</source>
        <translation>must be filled in</translation>
    </message>
    <message>
        <source>不是申请中的一项，请删去</source>
        <translation>is not part of an application; remove it</translation>
    </message>
    <message>
        <source>请从列表中选择</source>
        <translation>choose from the list</translation>
    </message>
    <message>
        <source>请选择“是”或“否”</source>
        <translation>choose “yes” or “no”</translation>
    </message>
    <message>
        <source>请填写整数</source>
        <translation>type a whole number</translation>
    </message>
    <message>
        <source>不能小于 {ge}</source>
        <translation>may not be less than {ge}</translation>
    </message>
    <message>
        <source>不能大于 {le}</source>
        <translation>may not be more than {le}</translation>
    </message>
    <message>
        <source>最多 {max_length} 个字，请删减</source>
        <translation>at most {max_length} characters; shorten it</translation>
    </message>
    <message>
        <source>请填写文字</source>
        <translation>type text</translation>
    </message>
    <message>
        <source>内容的格式不对，请重新填写</source>
        <translation>is not in the right form; fill it in again</translation>
    </message>
    <message>
        <source>填写有误，请核对后重新填写</source>
        <extracomment>a problem whose code has no wording here</extracomment>
        <translation>is not right; check it and fill it in again</translation>
    </message>
    <message>
        <source>曾用名</source>
        <extracomment>the 户口簿 card&apos;s fields the intake has no label of its own for: the card&apos;s printed labels (the scan dialog shows them)</extracomment>
        <translation>Former name</translation>
    </message>
    <message>
        <source>文化程度</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>兵役状况</source>
        <translation>Military service</translation>
    </message>
    <message>
        <source>服务处所</source>
        <translation>Workplace</translation>
    </message>
    <message>
        <source>职业</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>何时由何地迁来</source>
        <translation>moved in from where, and when</translation>
    </message>
    <message>
        <source>申请中的一项</source>
        <extracomment>a field the desk has no label for (an input not made by the desk)</extracomment>
        <translation>a field of the application</translation>
    </message>
    <message>
        <source>{label}：{problem}</source>
        <extracomment>the resident ID&apos;s codes are worded by ``ui.errors.ID_WORDING``</extracomment>
        <translation>{label}: {problem}</translation>
    </message>
    <message>
        <source>何时由何地迁来本址</source>
        <translation>When and from where moved to this address</translation>
    </message>
    <message>
        <source>已核验</source>
        <extracomment>how each value was established, as the clerk reads it</extracomment>
        <translation>read and checked</translation>
    </message>
    <message>
        <source>已按名录改正</source>
        <translation>corrected from a list</translation>
    </message>
    <message>
        <source>无法核验</source>
        <translation>unchecked</translation>
    </message>
    <message>
        <source>存疑</source>
        <translation>doubtful</translation>
    </message>
    <message>
        <source>未识别</source>
        <translation>not found</translation>
    </message>
    <message>
        <source>是表格允许的值之一。</source>
        <extracomment>why, in the field&apos;s tooltip</extracomment>
        <translation>One of the values the form allows.</translation>
    </message>
    <message>
        <source>识别为“{read}”，不是允许的值；已改为相差一个字的唯一允许值。</source>
        <translation>Read as “{read}”, which the form does not allow; corrected to the only allowed value one character away.</translation>
    </message>
    <message>
        <source>识别为“{read}”，不是允许的值；与其中一项差两个字，这是猜测，请务必对照原件。</source>
        <translation>Read as “{read}”, which is not an allowed value; it is two characters from one of them. This is a guess: check it against the original.</translation>
    </message>
    <message>
        <source>不是这一栏允许的值。</source>
        <translation>Not a value this field allows.</translation>
    </message>
    <message>
        <source>识别为“{read}”，与山东省的一个地名和外省的地名都只差一个字；已按山东省的猜测填入，请务必对照原件。</source>
        <translation>Read as “{read}”, one character from a place in Shandong and from one in another province; filled in as Shandong&apos;s, which is a guess. Check it against the original.</translation>
    </message>
    <message>
        <source>识别为“{read}”，表格格式中的“由”“迁来”按格式补正；日期和地名请对照原件。</source>
        <translation>Read as “{read}”: the form&apos;s own words “from” and “moved in” were mended to the form&apos;s pattern. Check the date and the place against the original.</translation>
    </message>
    <message>
        <source>不是“某年某月某日由某地迁来”的样子，可能有字没有识别出来。</source>
        <translation>Not in the form “moved in from [place] on [date]”; part of it may not have been read.</translation>
    </message>
    <message>
        <source>省、市、县与行政区划相符。</source>
        <translation>Province, city and county match the division data.</translation>
    </message>
    <message>
        <source>识别为“{read}”，行政区划中没有；已改为相差一个字的唯一地名。</source>
        <translation>Read as “{read}”, which is no division; corrected to the only place name one character away.</translation>
    </message>
    <message>
        <source>无法按省、市、县对上行政区划。</source>
        <translation>Does not match the division data as province, city and county.</translation>
    </message>
    <message>
        <source>识别为“{read}”，省、市、县中有两级对不上行政区划；这是按行政区划的猜测，请务必对照原件。</source>
        <translation>Read as “{read}”: two of province, city and county match no division; this is a guess from the division data, compare it with the original.</translation>
    </message>
    <message>
        <source>识别为“{read}”，县后面乡镇名末尾的“多”按“乡”改正；其后的村、路、门牌无法核验。</source>
        <translation>Read as “{read}”: the last character of the township&apos;s name after the county, which the recogniser read as a look-alike, was taken for “township” (xiang). The village, road and number after it cannot be checked.</translation>
    </message>
    <message>
        <source>省、市、县与行政区划相符；其后的街道、门牌无法核验。</source>
        <translation>Province, city and county match the division data; the street and number after them cannot be checked.</translation>
    </message>
    <message>
        <source>校验码、地区码和出生日期都对。</source>
        <translation>Check digit, region code and birth date are all valid.</translation>
    </message>
    <message>
        <source>识别出的号码“{read}”校验不通过，未填入；请照证件输入。</source>
        <translation>The number read, “{read}”, fails its check and was not filled in; type it from the card.</translation>
    </message>
    <message>
        <source>号码中的出生日期或性别与本栏不一致。</source>
        <translation>The birth date or sex in the ID number differs from this field.</translation>
    </message>
    <message>
        <source>与身份号码中的性别一致。</source>
        <translation>Agrees with the sex in the ID number.</translation>
    </message>
    <message>
        <source>这一栏没有识别到文字，已按身份号码填入；请对照原件确认。</source>
        <translation>Nothing was read here; filled in from the ID number. Check it against the original.</translation>
    </message>
    <message>
        <source>与身份号码中的出生日期一致。</source>
        <translation>Agrees with the birth date in the ID number.</translation>
    </message>
    <message>
        <source>不是一个日期。</source>
        <translation>Not a date.</translation>
    </message>
    <message>
        <source>没有名录可以核对这一栏。</source>
        <translation>Nothing can check this field.</translation>
    </message>
    <message>
        <source>含有识别时常被认错的字（如 茌/在、亓/元、逄/逢）。</source>
        <translation>Contains a character the recogniser often takes for another (as in the place Chiping or the surnames Qi and Pang).</translation>
    </message>
    <message>
        <source>含有姓名中少见的字，或字数不寻常。</source>
        <translation>Contains a character rare in names, or an unusual number of characters.</translation>
    </message>
    <message>
        <source>识别为“{read}”，首字不是常见姓氏；已改为识别时看到的相近姓氏，请对照原件确认。</source>
        <translation>Read as “{read}”, whose first character is not a common surname; changed to the similar surname the recogniser also saw. Check it against the original.</translation>
    </message>
    <message>
        <source>识别为“{read}”，首字不是常见姓氏；在原处再读一次得到现在的姓名，请逐字对照原件确认。</source>
        <translation>Read as “{read}”, whose first character is not a common surname; the name shown is a second reading of the same place. Check it character by character against the original.</translation>
    </message>
    <message>
        <source>与另一证件上识别的姓名不同。</source>
        <translation>Differs from the name read on the other document.</translation>
    </message>
    <message>
        <source>与另一证件上的姓名相同。</source>
        <translation>Same as the name on the other document.</translation>
    </message>
    <message>
        <source>混入了别的栏目的文字。</source>
        <translation>Contains text from another field.</translation>
    </message>
    <message>
        <source>识别为“{read}”，单位名称结尾之后的字不像名称的一部分（印章、表格线的痕迹），已去掉；请对照原件确认。</source>
        <translation>Read as “{read}”; the characters after the end of the organisation&apos;s name did not look part of it (a seal&apos;s or a ruled line&apos;s trace) and were taken away. Check it against the original.</translation>
    </message>
    <message>
        <source>识别为“{read}”，后面连着下一栏的栏目名，已去掉；请对照原件确认。</source>
        <translation>Read as “{read}”, followed by the next field&apos;s label, which was taken away. Check it against the original.</translation>
    </message>
    <message>
        <source>识别为“{read}”，其中盖章的文字已去掉；章下的字也可能没认全。</source>
        <translation>Read as “{read}”; the seal’s text in it was taken out. Characters under the seal may not all have been read.</translation>
    </message>
    <message>
        <source>这一栏的栏目名没有识别到，按表格中同一行的位置读出；请对照原件确认是这一栏的内容。</source>
        <translation>This field&apos;s label was not read; the value was taken by its place in the form&apos;s row. Check against the original that it belongs to this field.</translation>
    </message>
    <message>
        <source>这一栏的表格线没有找到，按同一行的文字读出；请对照原件确认是这一栏的内容。</source>
        <translation>The ruled lines round this field were not found; it was read from the text on its row. Check against the original that it belongs to this field.</translation>
    </message>
    <message>
        <source>识别把握不大。</source>
        <translation>The recogniser was unsure.</translation>
    </message>
    <message>
        <source>这一栏没有识别到文字（也可能本来就空着）。</source>
        <translation>Nothing was read in this field (it may be empty on the document).</translation>
    </message>
    <message>
        <source>也可以用扫描仪自带的程序扫描，再点“打开图片”（Ctrl+O）打开扫描出的文件。</source>
        <translation> You can also scan with the scanner&apos;s own program and open the scanned file with “Open image” (Ctrl+O).</translation>
    </message>
    <message>
        <source>没有找到扫描仪。请检查扫描仪的数据线是否插好、电源是否打开，然后再试。</source>
        <translation>No scanner was found. Check that the scanner&apos;s cable is plugged in and its power is on, then try again.</translation>
    </message>
    <message>
        <source>扫描仪没有扫描成功。请检查扫描仪的数据线和电源，确认盖板已合上、没有别的程序在用扫描仪，然后再试。</source>
        <translation>The scanner did not scan. Check the scanner&apos;s cable and power, that its lid is closed and that no other program is using it, then try again.</translation>
    </message>
    <message>
        <source>扫描仪长时间没有扫完。请检查扫描仪的数据线和电源，然后再试。</source>
        <translation>The scanner took too long and did not finish. Check its cable and power, then try again.</translation>
    </message>
    <message>
        <source>这台电脑上没有可用的扫描仪接口，请联系信息员安装。</source>
        <translation>This PC has no scanner interface the desk can use; ask the office&apos;s IT person to install it.</translation>
    </message>
    <message>
        <source>扫描证件</source>
        <translation>Scan a document</translation>
    </message>
    <message>
        <source>打开图片… (Ctrl+O)</source>
        <extracomment>per field: how the scan established it and what the clerk did with it ({&quot;status&quot;: &quot;checked&quot;, &quot;by&quot;: &quot;scan&quot; | &quot;clerk-confirmed&quot; | &quot;clerk-changed&quot;})</extracomment>
        <translation>Open image… (Ctrl+O)</translation>
    </message>
    <message>
        <source>高拍仪拍摄… (Ctrl+K)</source>
        <translation>Document camera… (Ctrl+K)</translation>
    </message>
    <message>
        <source>扫描仪扫描(&amp;S)… (Ctrl+J)</source>
        <translation>&amp;Scanner… (Ctrl+J)</translation>
    </message>
    <message>
        <source>用本机设置的扫描仪扫描玻璃板上的材料</source>
        <translation>Scan the document on the glass with this PC&apos;s scanner (device settings)</translation>
    </message>
    <message>
        <source>打开扫描或拍摄的图片（PNG、JPEG）。</source>
        <translation>Open a scanned or photographed image (PNG, JPEG).</translation>
    </message>
    <message>
        <source>接受并填入表单</source>
        <translation>Accept into the form</translation>
    </message>
    <message>
        <source>打开图片</source>
        <translation>Open image</translation>
    </message>
    <message>
        <source>图片 (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>正在扫描，请稍候（扫描仪扫完一页可能要一分钟）…</source>
        <translation>Scanning, please wait (a page can take up to a minute)…</translation>
    </message>
    <message>
        <source>无法读取 {file}：{reason}</source>
        <translation>Cannot read {file}: {reason}</translation>
    </message>
    <message>
        <source>正在识别…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>已对照原件</source>
        <translation>Checked against the original</translation>
    </message>
    <message>
        <source>对照原件看过这一栏后勾选；改动这一栏也算看过。</source>
        <translation>Tick once you have compared this field with the original; correcting it counts as looking.</translation>
    </message>
    <message>
        <source>已识别 {count} 项，其中 {checked} 项已核验；还有 {left} 项须对照原件看过（勾选“已对照原件”或改正）才能接受。</source>
        <translation>{count} fields read, {checked} of them checked; {left} must still be compared with the original (tick “Checked against the original” or correct them) before you can accept.</translation>
    </message>
    <message>
        <source>已识别 {count} 项，都已核验或看过。可以接受。</source>
        <translation>{count} fields read, all checked or looked at. You can accept.</translation>
    </message>
    <message>
        <source>同步：未注册中心（待发 {n}）</source>
        <translation>Sync: not enrolled ({n} waiting)</translation>
    </message>
    <message>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <source>同步：{last} · 待发 {n}</source>
        <translation>Sync: {last} · {n} waiting</translation>
    </message>
    <message>
        <source> · 待处理 {n}</source>
        <translation> · {n} to handle</translation>
    </message>
    <message>
        <source> · 连接失败</source>
        <translation> · cannot connect</translation>
    </message>
    <message>
        <source>未回</source>
        <translation>not back</translation>
    </message>
    <message>
        <source> · 同步包 {left} 送出，{back} 回执</source>
        <translation> · bundle out {left}, return {back}</translation>
    </message>
    <message>
        <source>同步未完成：连接不上中心系统或中心拒绝了这次同步，稍后会自动重试。</source>
        <translation>Sync not done: the central system could not be reached or refused this round; it is tried again by itself later.</translation>
    </message>
    <message>
        <source>同步：{error}</source>
        <translation>Sync: {error}</translation>
    </message>
    <message>
        <source>长时间未同步</source>
        <translation>Not synced for a long time</translation>
    </message>
    <message>
        <source>本机已 {days:.0f} 天未与中心同步（允许 {allowed} 天）。他处的落户信息可能未知；在同步之前，准迁证须由审核人员开具。</source>
        <translation>This desk has not synced with the central system for {days:.0f} days (allowed: {allowed}). Settlements at other offices may be unknown here; until it syncs, permits are issued by a supervisor.</translation>
    </message>
    <message>
        <source>同步：进行中…</source>
        <translation>Sync: running…</translation>
    </message>
    <message>
        <source>同步包已写入 {file}：{count} 项操作；回执带回前它们仍在待发队列中</source>
        <translation>Bundle written to {file}: {count} operations; they stay queued until the return bundle comes back</translation>
    </message>
    <message>
        <source>无法读取</source>
        <translation>Cannot read</translation>
    </message>
    <message>
        <source>同步包</source>
        <translation>Sync bundle</translation>
    </message>
    <message>
        <source>已送交中心。回执包已写入 {file}，请带回乡镇办公室导入。</source>
        <translation>Delivered to the central system. The return bundle is in {file}: take it back to the township office and import it there.</translation>
    </message>
    <message>
        <source>回执已导入：确认 {applied} 项，冲突 {conflicts} 项，搁置 {aside} 项。</source>
        <translation>Return bundle applied: {applied} confirmed, {conflicts} conflicts, {aside} set aside.</translation>
    </message>
    <message>
        <source>同步完成，有需审核人员处理的事项</source>
        <translation>Synced; some items need a supervisor</translation>
    </message>
    <message>
        <source>其他派出所也有同一人的申请：请与对方联系，确认由哪一处办理。</source>
        <translation>Another station has an application for the same person: call them and agree which of you takes it.</translation>
    </message>
    <message>
        <source>此人已在其他派出所落户：请与对方核实，必要时作废本处申请。</source>
        <translation>This person has settled through another station: check with them, and void this application if need be.</translation>
    </message>
    <message>
        <source>规则包已更新：请重新审查这份申请。</source>
        <translation>The rule pack was updated: decide this application again.</translation>
    </message>
    <message>
        <source>中心拒收了本机发出的一项操作：请核对后点“重新发送被拒收的操作”，或告知管理员。</source>
        <translation>The centre refused an operation this PC sent: check it, then press “Send the rejected operation again”, or tell the administrator.</translation>
    </message>
    <message>
        <source>本机有尚未同步的修改，中心的更新暂未写入：下次同步后会再试。</source>
        <translation>This PC has changes not yet synced, so the centre&apos;s update was not written yet: it is tried again after the next sync.</translation>
    </message>
    <message>
        <source>中心发来的规则包未通过校验，仍使用原规则包：请告知管理员。</source>
        <translation>A rule pack from the centre failed its checks; the one in use stays: tell the administrator.</translation>
    </message>
    <message>
        <source>审计链与中心记录不符：请立即告知管理员。</source>
        <translation>The audit chain does not match the centre&apos;s record: tell the administrator now.</translation>
    </message>
    <message>
        <source>同步时出现需要人工处理的情况：请告知管理员。</source>
        <translation>Sync met something a person must settle: tell the administrator.</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>重新发送被拒收的操作</source>
        <translation>Send the rejected operation again</translation>
    </message>
    <message>
        <source>处理所选</source>
        <translation>Resolve selected</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>other</translation>
    </message>
    <message>
        <source>处理冲突</source>
        <translation>Resolve a conflict</translation>
    </message>
    <message>
        <source>处理情况（记入审计日志）：</source>
        <translation>What was done (kept in the audit trail):</translation>
    </message>
    <message>
        <source>无法处理</source>
        <translation>Cannot resolve</translation>
    </message>
    <message>
        <source>导出诊断包</source>
        <translation>Export diagnostics bundle</translation>
    </message>
    <message>
        <source>诊断包 (*.zip)</source>
        <translation>Diagnostics bundle (*.zip)</translation>
    </message>
    <message>
        <source>诊断包已保存：{file}
其中没有个人信息，可以附在报修单中。</source>
        <translation>Diagnostics bundle saved: {file}
It holds no personal data; attach it to the support ticket.</translation>
    </message>
    <message>
        <source>申请 {number}</source>
        <translation>application {number}</translation>
    </message>
    <message>
        <source>身份证号 {id}</source>
        <translation>ID number {id}</translation>
    </message>
    <message>
        <source>读到的身份证（{name} {card}）与表单中的{what}不是同一人。
用读到的身份证替换表单中的申请人信息吗？</source>
        <translation>The card read ({name} {card}) is not the person of {what} in the form.
Replace the applicant&apos;s details in the form with the card?</translation>
    </message>
    <message>
        <source>替换申请人信息？</source>
        <translation>Replace the applicant&apos;s details?</translation>
    </message>
    <message>
        <source>此身份证已过有效期限（至 {until}）：请申请人换领新证，或凭临时身份证办理。</source>
        <translation>This ID card has expired (valid until {until}): the applicant should renew it, or use a temporary ID card.</translation>
    </message>
    <message>
        <source>长期</source>
        <translation>no end date</translation>
    </message>
    <message>
        <source>身份证有效期至 {until}</source>
        <translation>ID card valid until {until}</translation>
    </message>
    <message>
        <source>{question}：{reason}</source>
        <translation>{question}: {reason}</translation>
    </message>
    <message>
        <source>申请 {number} 已是“{state}”状态，已经办结，不能再做这项操作。</source>
        <translation>Application {number} is {state}; it is closed and this cannot be done any more.</translation>
    </message>
    <message>
        <source>本机没有身份证号为 {id_number} 的人员。</source>
        <translation>Nobody with ID number {id_number} in this store.</translation>
    </message>
    <message>
        <source>{label}有误：{problem}。</source>
        <translation>{label} is not valid: {problem}.</translation>
    </message>
    <message>
        <source>申请处于“{state}”状态，不能{action}；现在可以：{allowed}。</source>
        <translation>The application is {state}; it cannot be {action}. What can be done now: {allowed}.</translation>
    </message>
    <message>
        <source>申请处于“{state}”状态，已经办结，不能{action}。</source>
        <translation>The application is {state}; it is closed and cannot be {action}.</translation>
    </message>
    <message>
        <source>无法打印{document}：字库中没有这些字：{characters}，什么也没有打印。请对照户口簿核对这些字，或请所里的IT人员安装含有这些字的字库。</source>
        <translation>Cannot print the {document}: the font has no glyph for {characters}; nothing was printed. Check these characters against the hukou book, or ask the office&apos;s IT person for a font that has them.</translation>
    </message>
    <message>
        <source>没有找到附加的扫描件 {attachment}。</source>
        <translation>No attached scan {attachment}.</translation>
    </message>
    <message>
        <source>扫描件已损坏</source>
        <translation>Scan damaged</translation>
    </message>
    <message>
        <source>附加的扫描件 {attachment} 与保存时的校验值不符，可能已被改动；请重新扫描并报告管理员。</source>
        <translation>Attached scan {attachment} does not match the checksum taken when it was kept; it may have been changed. Scan it again and tell an administrator.</translation>
    </message>
    <message>
        <source>{role}不能记录申请人的确认。</source>
        <translation>A {role} may not record an applicant&apos;s confirmation.</translation>
    </message>
    <message>
        <source>申请人的确认只能来自申请人屏幕或经办人（收到的是“{via}”）。</source>
        <translation>A confirmation comes from the applicant&apos;s screen or the clerk (not “{via}”).</translation>
    </message>
    <message>
        <source>请先保存申请（Ctrl+S），再请申请人确认。</source>
        <translation>Save the application first (Ctrl+S), then ask the applicant to confirm.</translation>
    </message>
    <message>
        <source>{username}（{role}）无权进行这项操作；需要以下角色之一：{roles}。</source>
        <translation>{username} ({role}) may not do this; it needs one of: {roles}.</translation>
    </message>
    <message>
        <source>本机数据中没有管理员账户；请用命令行创建管理员。</source>
        <translation>This store has no administrator account; create one on the command line.</translation>
    </message>
    <message>
        <source>没有找到存储</source>
        <translation>No store found</translation>
    </message>
    <message>
        <source>{folder} 中没有本所的存储；请先初始化本所，或请IT人员指向正确的数据文件夹。</source>
        <translation>There is no store in {folder}; set this office up first, or ask the IT person to point the desk at the right data folder.</translation>
    </message>
    <message>
        <source>{path} 已损坏，请从备份恢复。（{problem}）</source>
        <translation>{path} is damaged; restore it from a backup. ({problem})</translation>
    </message>
    <message>
        <source>存储中没有本所的信息，初始化没有完成；请IT人员重新初始化或从备份恢复。</source>
        <translation>The store has no office; it was not set up completely. Ask the IT person to set it up again or restore a backup.</translation>
    </message>
    <message>
        <source>{path} 不见了；请IT人员从备份恢复。</source>
        <translation>{path} is missing; ask the IT person to restore it from a backup.</translation>
    </message>
    <message>
        <source>审计密钥缺失</source>
        <translation>Audit key missing</translation>
    </message>
    <message>
        <source>本机当前用户的钥匙串中没有这个存储的审计密钥，审计记录既不能续写也不能核验；请IT人员放回密钥（IT人员保存有副本），或连同密钥一起恢复存储。</source>
        <translation>The audit key of this store is missing from this user&apos;s keyring, so the audit trail can be neither extended nor verified; ask the IT person to put the key back (they keep a copy), or restore the store together with its keys.</translation>
    </message>
    <message>
        <source>派出所代码“{office}”应为 6 到 12 位数字（例如 370102001）。</source>
        <translation>The police station&apos;s code “{office}” must be 6 to 12 digits (such as 370102001).</translation>
    </message>
    <message>
        <source>请填写派出所名称。</source>
        <translation>Fill in the police station&apos;s name.</translation>
    </message>
    <message>
        <source>已有存储</source>
        <translation>A store is already there</translation>
    </message>
    <message>
        <source>{folder} 中已有一个存储，没有改动它；请换一个数据文件夹，或把备份恢复到这里。</source>
        <translation>{folder} already holds a store, and it was left untouched; choose another data folder, or restore a backup into this one.</translation>
    </message>
    <message>
        <source>{label}应填写文字。</source>
        <translation>{label} must be text.</translation>
    </message>
    <message>
        <source>请填写{label}。</source>
        <translation>Fill in {label}.</translation>
    </message>
    <message>
        <source>{label}有 {length} 个字符，最多 {most} 个；请缩短。</source>
        <translation>{label} has {length} characters; at most {most}. Shorten it.</translation>
    </message>
    <message>
        <source>{label}含有控制字符；请重新输入。</source>
        <translation>{label} contains control characters; type it again.</translation>
    </message>
    <message>
        <source>{label}“{value}”不是可选值；可选：{choices}。</source>
        <translation>{label} “{value}” is not one of the choices: {choices}.</translation>
    </message>
    <message>
        <source>“{text}”不是身份证号、姓名（汉字或拼音）或申请编号；请换一种方式查找。</source>
        <translation>“{text}” is not an ID number, a name (Chinese characters or pinyin) or an application number; search another way.</translation>
    </message>
    <message>
        <source>页码应为 1 到 {most}，每页 1 到 500 份申请。</source>
        <translation>The page is 1 to {most}, and a page holds 1 to 500 applications.</translation>
    </message>
    <message>
        <source>没有“{state}”这个状态；可选：{states}。</source>
        <translation>There is no state “{state}”; one of: {states}.</translation>
    </message>
    <message>
        <source>您可办理的集体户中没有 {collective}。</source>
        <translation>No collective household {collective} among those you may work.</translation>
    </message>
    <message>
        <source>区划代码“{division}”应为 6 位（区县）、9 位（街道、乡镇）或 12 位（社区）数字。</source>
        <translation>Division code “{division}” must be 6 digits (county), 9 (street or town) or 12 (community).</translation>
    </message>
    <message>
        <source>区划代码“{division}”：区划数据中没有区县 {county}。</source>
        <translation>Division code “{division}”: there is no county {county} in the division data.</translation>
    </message>
    <message>
        <source>区划代码“{division}”：{county}没有街道或乡镇 {street}。</source>
        <translation>Division code “{division}”: there is no street or town {street} in {county}.</translation>
    </message>
    <message>
        <source>区划代码“{division}”：{street} 下没有这个社区。</source>
        <translation>Division code “{division}”: there is no such community in {street}.</translation>
    </message>
    <message>
        <source>没有在用的账户 {username}；请填写集体户管理员的用户名。</source>
        <translation>There is no active account {username}; give the collective administrator&apos;s user name.</translation>
    </message>
    <message>
        <source>{username} 是{role}，不是集体户管理员；请先为其建立集体户管理员账户。</source>
        <translation>{username} is a {role}, not a collective administrator; create a collective administrator account first.</translation>
    </message>
    <message>
        <source>没有“{kind}”这种集体户类别；可选：{kinds}。</source>
        <translation>There is no collective household kind “{kind}”; one of: {kinds}.</translation>
    </message>
    <message>
        <source>不能修改{fields}；可修改：{editable}。</source>
        <translation>{fields} cannot be changed; these can: {editable}.</translation>
    </message>
    <message>
        <source>集体户已被他人修改</source>
        <translation>Collective household changed by someone else</translation>
    </message>
    <message>
        <source>这个集体户刚刚被他人修改，您的操作没有保存。请重新打开它，再办理一次。</source>
        <translation>Someone else has just changed this collective household; your change was not saved. Open it again and redo it.</translation>
    </message>
    <message>
        <source>集体户已注销</source>
        <translation>Collective household closed</translation>
    </message>
    <message>
        <source>集体户 {collective} 已注销，保持原样；请选择一个在用的集体户。</source>
        <translation>Collective household {collective} is closed and kept as it was; choose an open one.</translation>
    </message>
    <message>
        <source>集体户 {collective} 已经注销。</source>
        <translation>Collective household {collective} is already closed.</translation>
    </message>
    <message>
        <source>集体户 {collective} 还有 {members} 名在册人员；请先迁出或转户，再注销。</source>
        <translation>Collective household {collective} still has {members} registered member(s); move them out or transfer them first, then close it.</translation>
    </message>
    <message>
        <source>不能入户</source>
        <translation>Cannot admit</translation>
    </message>
    <message>
        <source>申请 {number} 处于“{state}”状态；申请审查符合并经批准后才能入户。</source>
        <translation>Application {number} is {state}; a person is admitted once the application is decided eligible and approved.</translation>
    </message>
    <message>
        <source>申请 {number} 的审查结论不是“符合”，不能入户。</source>
        <translation>Application {number} was not decided eligible, so nobody is admitted.</translation>
    </message>
    <message>
        <source>申请 {number} 落户到“{household}”，不是集体户；只有落户集体户的申请才能入户。</source>
        <translation>Application {number} registers in “{household}”, not a collective household; only an application to a collective is admitted.</translation>
    </message>
    <message>
        <source>申请 {number} 是落户{wanted}的申请，集体户 {collective} 是{kind}。</source>
        <translation>Application {number} is for a {wanted}; collective household {collective} is a {kind}.</translation>
    </message>
    <message>
        <source>申请 {number} 落户在 {county}，集体户 {collective} 在 {collective_county}。</source>
        <translation>Application {number} settles in {county}; collective household {collective} is in {collective_county}.</translation>
    </message>
    <message>
        <source>申请 {number} 是兜底落户：请先登记经备案的租赁合同，再入户。</source>
        <translation>Application {number} is a fallback settlement: record the registered lease first, then admit.</translation>
    </message>
    <message>
        <source>{name} 自 {since} 起已在集体户 {collective} 登记；请先迁出或转户。</source>
        <translation>{name} has been registered in collective household {collective} since {since}; move them out or transfer them first.</translation>
    </message>
    <message>
        <source>{name} 已在集体户 {collective} 登记。</source>
        <translation>{name} is already registered in collective household {collective}.</translation>
    </message>
    <message>
        <source>集体户 {collective} 的名册中没有第 {row} 行。</source>
        <translation>Collective household {collective} has no roster row {row}.</translation>
    </message>
    <message>
        <source>名册第 {row} 行的人员现已不在集体户 {collective}。</source>
        <translation>The person in roster row {row} is no longer registered in collective household {collective}.</translation>
    </message>
    <message>
        <source>身份证号 {id_number} 的人员现不在集体户 {collective} 登记。</source>
        <translation>The person with ID number {id_number} is not registered in collective household {collective} now.</translation>
    </message>
    <message>
        <source>请选择一个去向：转入另一个集体户，或迁往一个家庭户。</source>
        <translation>Choose one destination: another collective household, or a family household.</translation>
    </message>
    <message>
        <source>没有“{kind}”这种证明材料；可选：{kinds}。</source>
        <translation>There is no evidence kind “{kind}”; one of: {kinds}.</translation>
    </message>
    <message>
        <source>日期 {date} 在今天之后；请填写房主签字或租赁合同备案的日期。</source>
        <translation>The date {date} is in the future; give the date the owner signed, or the lease was registered.</translation>
    </message>
    <message>
        <source>没有证明材料 {evidence}。</source>
        <translation>No consent evidence {evidence}.</translation>
    </message>
    <message>
        <source>没有家庭户口簿申请 {booklet}。</source>
        <translation>No family booklet {booklet}.</translation>
    </message>
    <message>
        <source>没有“{relation}”这种关系；可选：{relations}。</source>
        <translation>There is no relation “{relation}”; one of: {relations}.</translation>
    </message>
    <message>
        <source>请填写户主以外的家庭成员。</source>
        <translation>Name the family members besides the head.</translation>
    </message>
    <message>
        <source>家庭户口簿 {booklet} 已是“{state}”状态。</source>
        <translation>Family booklet {booklet} is already {state}.</translation>
    </message>
    <message>
        <source>需由另一位审核人员决定</source>
        <translation>Another supervisor must decide</translation>
    </message>
    <message>
        <source>{username} 受理了家庭户口簿申请 {booklet}，不能再决定它；请由另一位审核人员决定。</source>
        <translation>{username} took family booklet application {booklet} and so cannot decide it; another supervisor must.</translation>
    </message>
    <message>
        <source>家庭户口簿 {booklet} 尚未决定，不能打印。</source>
        <translation>Family booklet {booklet} is not decided yet, so it is not printed.</translation>
    </message>
    <message>
        <source>只有按以下分组统计时才能列出每行背后的申请：{dimensions}。</source>
        <translation>The applications behind a row are listed only for: {dimensions}.</translation>
    </message>
    <message>
        <source>统计期间的结束日期 {date_to} 早于开始日期 {date_from}；请对调。</source>
        <translation>The period ends ({date_to}) before it starts ({date_from}); swap them.</translation>
    </message>
    <message>
        <source>一份统计最长十年；请缩短统计期间。</source>
        <translation>A report covers at most ten years; shorten the period.</translation>
    </message>
    <message>
        <source>本机没有在用的账户 {username}。</source>
        <translation>There is no active account {username} in this store.</translation>
    </message>
    <message>
        <source>没有账户 {username}。</source>
        <translation>There is no account {username}.</translation>
    </message>
    <message>
        <source>账户设置有误</source>
        <translation>Account settings not valid</translation>
    </message>
    <message>
        <source>用户名“{username}”应为 2 到 30 个小写字母、数字或 . - _，并以字母开头。</source>
        <translation>User name “{username}” must be 2 to 30 lower-case letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos;, starting with a letter.</translation>
    </message>
    <message>
        <source>显示名称最多 {most} 个字符。</source>
        <translation>The display name is at most {most} characters.</translation>
    </message>
    <message>
        <source>账户 {username} 已经存在。</source>
        <translation>Account {username} already exists.</translation>
    </message>
    <message>
        <source>不能停用自己正在使用的账户。</source>
        <translation>You cannot disable your own account.</translation>
    </message>
    <message>
        <source>{username} 是最后一个在用的管理员账户，不能停用。</source>
        <translation>{username} is the last active administrator, so it cannot be disabled.</translation>
    </message>
    <message>
        <source>安全设置有误</source>
        <translation>Security settings not valid</translation>
    </message>
    <message>
        <source>锁定前允许输错密码的次数应为 1 到 100。</source>
        <translation>The wrong passwords allowed before a lock must be 1 to 100.</translation>
    </message>
    <message>
        <source>锁定时长应为 1 到 1440 分钟。</source>
        <translation>The lock must last 1 to 1440 minutes.</translation>
    </message>
    <message>
        <source>无操作自动锁屏时间应为 1 到 240 分钟。</source>
        <translation>The idle time before the screen locks must be 1 to 240 minutes.</translation>
    </message>
    <message>
        <source>没有“{role}”这个角色；可选：{roles}。</source>
        <translation>There is no role “{role}”; one of: {roles}.</translation>
    </message>
    <message>
        <source>没有这些设置项：{settings}。</source>
        <translation>There are no such settings: {settings}.</translation>
    </message>
    <message>
        <source>要求{role}使用动态口令会把您自己锁在外面；请先为 {username} 绑定动态口令。</source>
        <translation>Requiring a second factor for {role} would lock you out; enrol a code for {username} first.</translation>
    </message>
    <message>
        <source>“{url}”不是中心系统的地址（例如 https://central.example:8470）。</source>
        <translation>“{url}” is not a central system address (such as https://central.example:8470).</translation>
    </message>
    <message>
        <source>同步未完成</source>
        <translation>Sync not done</translation>
    </message>
    <message>
        <source>本机未能登记到中心系统；请核对地址和中心管理员给的登记码，再试一次。（{problem}）</source>
        <translation>This desk could not enrol with the central system; check the address and the code from the central administrator, and try again. ({problem})</translation>
    </message>
    <message>
        <source>允许不同步的天数应为 1 到 60。</source>
        <translation>The days without sync allowed must be 1 to 60.</translation>
    </message>
    <message>
        <source>本机尚未登记到中心系统；请管理员在联网时登记一次。</source>
        <translation>This desk is not enrolled with the central system; an administrator must enrol it once, while connected.</translation>
    </message>
    <message>
        <source>请写明如何处理了这个冲突；处理说明会记入审计记录。</source>
        <translation>Say what was done about the conflict; it is kept in the audit trail.</translation>
    </message>
    <message>
        <source>没有未处理的同步冲突 {conflict}。</source>
        <translation>No open sync conflict {conflict}.</translation>
    </message>
    <message>
        <source>同步冲突 {conflict} 没有暂存的操作可以重新发送。</source>
        <translation>Sync conflict {conflict} has no set-aside operation to send again.</translation>
    </message>
    <message>
        <source>本机已 {days} 天未与中心系统同步（允许 {allowed} 天）；同步之前，准迁证须由审核人员开具。</source>
        <translation>This desk has not synced with the central system for {days} days (allowed: {allowed}); until it syncs, a supervisor must issue permits.</translation>
    </message>
    <message>
        <source>本机还不知道中心系统的加密密钥；请先联网同步一次（或重新登记），再导出同步包。</source>
        <translation>This desk does not know the central system&apos;s encryption key yet; sync online once (or enrol again) before exporting bundles.</translation>
    </message>
    <message>
        <source>同步包无法导入</source>
        <translation>Bundle not imported</translation>
    </message>
    <message>
        <source>这个同步包无法读取，可能已损坏或不完整；请重新导出。（{problem}）</source>
        <translation>This bundle cannot be read; it may be damaged or incomplete. Export it again. ({problem})</translation>
    </message>
    <message>
        <source>这个同步包是为另一个中心系统制作的；没有做任何改动。</source>
        <translation>This bundle was made for another central system; nothing was done.</translation>
    </message>
    <message>
        <source>同步包未能送达中心系统；请检查网络后再试。（{problem}）</source>
        <translation>The bundle could not be carried in to the central system; check the network and try again. ({problem})</translation>
    </message>
    <message>
        <source>不认识的同步包类型“{kind}”。</source>
        <translation>Unknown bundle kind “{kind}”.</translation>
    </message>
    <message>
        <source>这个回执包是给另一个派出所的；请带到那里导入。</source>
        <translation>This return bundle is for another office&apos;s desk; take it there.</translation>
    </message>
    <message>
        <source>这个回执包来自另一个中心系统。</source>
        <translation>This return bundle comes from another central system.</translation>
    </message>
    <message>
        <source>这个回执包（对应第 {seq} 个同步包）比已导入的（第 {applied} 个）更旧；没有做任何改动。</source>
        <translation>This return bundle (for bundle {seq}) is older than the one already applied (for bundle {applied}); nothing was changed.</translation>
    </message>
    <message>
        <source>密钥恢复失败</source>
        <translation>Key recovery failed</translation>
    </message>
    <message>
        <source>无法读取本机数据的密钥。（{problem}）</source>
        <translation>The store key cannot be read. ({problem})</translation>
    </message>
    <message>
        <source>请给出一个恢复文件，或两位保管人各自的分片。</source>
        <translation>Give one recovery file, or the two custodians&apos; shares.</translation>
    </message>
    <message>
        <source>密钥恢复文件无法使用；请核对文件和口令。（{problem}）</source>
        <translation>The recovery file cannot be used; check the file and the passphrase. ({problem})</translation>
    </message>
    <message>
        <source>{folder} 已存有另一个派出所的数据（{existing}）；恢复文件属于数据 {store}（{office}）。请导入到空的数据文件夹。</source>
        <translation>{folder} already holds another office&apos;s store ({existing}); the recovery file is for store {store} ({office}). Import into an empty data folder.</translation>
    </message>
    <message>
        <source>本机没有可用的系统密钥库；请把密钥导入到一个只有本用户能读取的文件。</source>
        <translation>This machine has no usable keyring; import the key into a file that only this user can read.</translation>
    </message>
    <message>
        <source>{file} 中已保存了另一把密钥；请换一个文件名。</source>
        <translation>{file} holds another key; choose a new file name.</translation>
    </message>
    <message>
        <source>无法保存或读取密钥。（{problem}）</source>
        <translation>The key cannot be saved or read. ({problem})</translation>
    </message>
    <message>
        <source>主办单位</source>
        <translation>Sponsor</translation>
    </message>
    <message>
        <source>家庭户</source>
        <translation>Family household</translation>
    </message>
    <message>
        <source>房主姓名</source>
        <translation>Owner&apos;s name</translation>
    </message>
    <message>
        <source>房主身份证号</source>
        <translation>Owner&apos;s ID number</translation>
    </message>
    <message>
        <source>租赁备案号</source>
        <translation>Lease registration number</translation>
    </message>
    <message>
        <source>查找内容</source>
        <translation>Search text</translation>
    </message>
    <message>
        <source>统计分组</source>
        <translation>Grouping</translation>
    </message>
    <message>
        <source>报送部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>文件格式</source>
        <translation>File format</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>第 {seq} 条记录写入后被改动过</source>
        <translation>event {seq} was changed after it was written</translation>
    </message>
    <message>
        <source>第 {seq} 条记录是后来插入的</source>
        <translation>event {seq} was inserted later</translation>
    </message>
    <message>
        <source>第 {seq} 条前后有记录被删除</source>
        <translation>events around {seq} were deleted</translation>
    </message>
    <message>
        <source>第 {seq} 条记录的顺序被调换过</source>
        <translation>event {seq} is out of order</translation>
    </message>
    <message>
        <source>最后的记录被删除（链条在第 {seq} 条之后断开）</source>
        <translation>the last events were deleted (the chain ends after event {seq})</translation>
    </message>
    <message>
        <source>链条头与记录不符（第 {seq} 条）</source>
        <translation>the chain&apos;s head does not match the events (event {seq})</translation>
    </message>
    <message>
        <source>审计记录有异常（第 {seq} 条）</source>
        <translation>the audit trail is not right (event {seq})</translation>
    </message>
    <message>
        <source>申请日期有误</source>
        <translation>Application date is wrong</translation>
    </message>
    <message>
        <source>申请日期 {on} 晚于今天（{today}）；申请日期不能晚于今天，请按申请人提出申请的日期填写。</source>
        <translation>The application date {on} is after today ({today}); an application date cannot be later than today: enter the day the applicant applied.</translation>
    </message>
    <message>
        <source>申请日期 {on} 早于本系统所载最早的落户政策（{first} 起施行），无法审查；请核对日期，或按纸质流程办理。</source>
        <translation>The application date {on} is before the first settlement policy this desk holds (in force from {first}), so it cannot be decided here; check the date, or handle the application on paper.</translation>
    </message>
    <message>
        <source>此人在本所已有申请；请向户籍窗口咨询。</source>
        <translation>This person already has an application at this office; ask the counter.</translation>
    </message>
    <message>
        <source>材料未查验齐全</source>
        <translation>Materials not all seen</translation>
    </message>
    <message>
        <source>申请 {number} 还不能开具准迁证：所依据途径的以下材料尚未登记查验：{listed}。请查验原件并逐项勾选，再开具准迁证。</source>
        <translation>The permit of application {number} cannot be issued yet: these materials of its route are not recorded as seen: {listed}. See each original and tick it, then issue the permit.</translation>
    </message>
    <message>
        <source>中心人口索引显示此人在其他派出所有申请；请向户籍窗口咨询。</source>
        <translation>The central person index shows this person in an application at another office; ask the counter.</translation>
    </message>
    <message>
        <source>随迁人员有误</source>
        <translation>Accompanying relative is wrong</translation>
    </message>
    <message>
        <source>{who} 的身份证号与申请人相同；申请人本人不能作为随迁人员，请核对号码或删除此人。</source>
        <translation>{who} has the applicant&apos;s own ID number; the applicant cannot accompany themselves: check the number or remove this relative.</translation>
    </message>
    <message>
        <source>{who} 与第 {first} 位随迁人员是同一人；每人只列一次。</source>
        <translation>{who} is the same person as family member {first}; list each person once.</translation>
    </message>
    <message>
        <source>{who} 出生于 {born}，而{relation}应比申请人（出生于 {applicant_born}）至少小 {years} 岁；请核对出生日期和关系。</source>
        <translation>{who} was born {born}, but a {relation} is at least {years} years younger than the applicant (born {applicant_born}); check the birth date and the relation.</translation>
    </message>
    <message>
        <source>{who} 出生于 {born}，而{relation}应比申请人（出生于 {applicant_born}）至少大 {years} 岁；请核对出生日期和关系。</source>
        <translation>{who} was born {born}, but a {relation} is at least {years} years older than the applicant (born {applicant_born}); check the birth date and the relation.</translation>
    </message>
    <message>
        <source>{who}：申请人的婚姻状况是“{status}”，不会有配偶随迁；请核对申请人的婚姻状况或此人的关系。</source>
        <translation>{who}: the applicant&apos;s marital status is &quot;{status}&quot;, so no spouse can accompany; check the applicant&apos;s marital status or this person&apos;s relation.</translation>
    </message>
    <message>
        <source>{who}：配偶本人的婚姻状况是“{status}”；请核对此人的婚姻状况或关系。</source>
        <translation>{who}: the spouse&apos;s own marital status is &quot;{status}&quot;; check this person&apos;s marital status or relation.</translation>
    </message>
    <message>
        <source>{who}：申请人只有一位配偶，这是第二位；请核对关系。</source>
        <translation>{who}: a second spouse; an applicant has one spouse: check the relations.</translation>
    </message>
    <message>
        <source>{username} 受理了申请 {number}，不能再作不予批准的决定；请由另一位审核人员决定（受理与决定分人办理）。</source>
        <translation>{username} accepted application {number} and so cannot refuse it either; another supervisor must decide it (maker-checker).</translation>
    </message>
    <message>
        <source>{username} 录入或修改过申请 {number} 的审查依据，不能作不予批准的决定；请由另一位审核人员决定。</source>
        <translation>{username} entered or changed facts that application {number} is decided on, and so cannot refuse it; another supervisor must decide it.</translation>
    </message>
    <message>
        <source>第 {n} 位随迁人员（{relation}）{name}</source>
        <translation>family member {n} ({relation}) {name}</translation>
    </message>
</context>
</TS>
