/** Request headers of the acting user (header-based until access control lands). */
export const office = { 'X-Actor-Id': 'u-office', 'X-Actor-Role': 'office', 'X-Actor-Department': encodeURIComponent('无废办') };

export function dept(name: string, id = `u-${name}`) {
  return { 'X-Actor-Id': encodeURIComponent(id), 'X-Actor-Role': 'department', 'X-Actor-Department': encodeURIComponent(name) };
}
