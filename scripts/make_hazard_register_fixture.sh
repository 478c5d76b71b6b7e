#!/usr/bin/env bash
# Makes Tests/MineRiskTests/Fixtures/hazards/libreoffice-register.xlsx: a register of the `mini` round as a
# bureau keeps it in Excel, written by LibreOffice headless from CSV. A title row stands above the Chinese header
# and a blank row sits among the data; 发现日期 is read as date cells, 整改期限 and 验收日期 stay text
# (2017/4/30, 2017年4月20日), and 隐患编号, 隐患代码, 整改资金 and 重新打开次数 are text columns (numbers stored as
# text). Needs libreoffice-calc-nogui; the Swift tests only read the committed file.
set -euo pipefail
out="$(cd "$(dirname "$0")/.." && pwd)/Tests/MineRiskTests/Fixtures/hazards"
work="$(mktemp -d)"
cat > "$work/libreoffice-register.csv" <<'CSV'
凉山州隐患排查治理台账（测试）,,,,,,,,,,,,,,,,
隐患编号,企业编号,隐患代码,隐患级别,隐患描述,检查名称,发现日期,发现人,整改期限,整改责任人,整改措施,整改资金,整改方案,整改状态,验收日期,验收人,重新打开次数
001,TP1,TP-01,重大,库区内违规爆破,汛前检查,2017-03-01,州安监局,2017/4/30,矿长,停止爆破并恢复坝体,20万元,治理方案,已销号,2017年4月20日,州安监局 验收组,0
002,UG1,UG-01,重大,深部中段仅一个安全出口,专家会诊,2017-03-10,专家组,2017/5/10,矿长,新掘安全出口,80万元,治理方案,整改中,,,0
,,,,,,,,,,,,,,,,
003,OP1,YB-04,一般,警示标志缺失,日常检查,2017-04-02,县安监局,2017/4/17,安全员,设置警示标志,0.5万元,,未整改,,,0
004,CM1,YB-01,一般,隐患排查台账不全,日常检查,2017-04-05,县安监局,2017/4/20,安全员,补齐台账,0.2万元,,已整改,2017年4月18日,县安监局 验收组,1
CSV
soffice --headless --infilter="CSV:44,34,76,1,1/2/2/1/3/2/4/1/5/1/6/1/7/5/8/1/9/2/10/1/11/1/12/2/13/1/14/1/15/2/16/1/17/2" \
    --convert-to xlsx --outdir "$work" "$work/libreoffice-register.csv" >/dev/null
mkdir -p "$out"
cp "$work/libreoffice-register.xlsx" "$out/"
rm -rf "$work"
echo "wrote $out/libreoffice-register.xlsx"
