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
        <source>无</source>
        <translation>none</translation>
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
        <source>请选择关系（输入拼音首字母或序号）</source>
        <translation>Choose the relation (type its first letters or its number)</translation>
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
        <source>没有就直接按回车</source>
        <translation>none: just press Enter</translation>
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
        <extracomment>images accepted from the scanner, attached when the application is saved (filename, image, media type, provenance: which fields came from the scan)</extracomment>
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
        <source>类别</source>
        <translation>Kind</translation>
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
        <source>不是这一栏允许的值。</source>
        <translation>Not a value this field allows.</translation>
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
        <source>识别为“{read}”，其中盖章的文字已去掉；章下的字也可能没认全。</source>
        <translation>Read as “{read}”; the seal’s text in it was taken out. Characters under the seal may not all have been read.</translation>
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
        <source>同步未完成：{error}</source>
        <translation>Sync did not finish: {error}</translation>
    </message>
    <message>
        <source>同步完成，有需审核人员处理的事项</source>
        <translation>Synced; some items need a supervisor</translation>
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
</context>
</TS>
