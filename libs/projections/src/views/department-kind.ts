/**
 * What kind of department a name is, across districts: 连云区's 连云生态环境局 and 青岚区's
 * 青岚生态环境局 are both 生态环境局; both districts' 区城管局 are 城管局. The rule, stated in
 * the city overview's answer: drop the district's name (with or without 区/县/市) where the
 * department's name starts with it, then a leading 区/县/市.
 */
export const DEPARTMENT_KIND_RULE =
  '单位类别：单位名称去掉所属区（县、市）名称及开头的“区”“县”“市”字，同类单位跨区合计';

export function departmentKind(name: string, organisationName: string): string {
  const short = organisationName.replace(/[区县市省]$/u, '');
  let kind = name;
  if (organisationName && kind.startsWith(organisationName)) kind = kind.slice(organisationName.length);
  else if (short && kind.startsWith(short)) kind = kind.slice(short.length);
  kind = kind.replace(/^[区县市]/u, '');
  return kind === '' ? name : kind;
}
