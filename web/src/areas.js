// areas.js — the console's pages of the business areas, found by their file names (AREAS.md):
// an area's folder web/src/areas/AREA/ holds
//   pages.json   its pages: [{"name", "path", "component", "menu", "access", "public"}]
//                  name       the router's name (unique across the console)
//                  path       the address (also served as index.html: tools/embed_assets.py reads
//                             every pages.json beside paths.json)
//                  component  the file AREA/COMPONENT.vue, loaded when the page is first opened
//                  menu       optional: the i18n key of its side-menu entry ("health.menu.counter")
//                  access     who may open it: {"roles": ["officer", ...], "posts": ["quarantine"]}
//                             (a role listed, and for officers one of the posts when posts are
//                             given); omitted with "public": true for a page anyone may open
//   messages.js  its words: export const zh = {...}, en = {...}, merged under the area's name
//   *.vue        its pages and components
// so that adding an area's pages touches its own folder and nothing else.
import { session, isOfficer } from './session.js'

const lists = import.meta.glob('./areas/*/pages.json', { eager: true, import: 'default' })
const messages = import.meta.glob('./areas/*/messages.js', { eager: true })
const components = import.meta.glob('./areas/*/*.vue')

const areaOf = (file) => file.split('/')[2]

// Whether the user may open a page of this access rule.
export function allowedBy(access) {
  return (u = session.user) => {
    if (!u || !access) return false
    if (!(access.roles || []).includes(u.role)) return false
    if (!isOfficer(u) || !access.posts || !access.posts.length) return true
    return access.posts.some((p) => (u.posts || []).includes(p))
  }
}

// Every area page, in area then file order: {area, name, path, component (a loader), menu,
// allowed, public}.
export const areaPages = Object.entries(lists).flatMap(([file, pages]) =>
  pages.map((p) => {
    const area = areaOf(file)
    const loader = components[`./areas/${area}/${p.component}.vue`]
    if (!loader) throw new Error(`areas/${area}/pages.json: no component ${p.component}.vue`)
    return {
      area,
      name: p.name,
      path: p.path,
      component: loader,
      menu: p.menu || null,
      public: !!p.public,
      allowed: p.public ? () => true : allowedBy(p.access),
    }
  }),
)

// The areas' words, merged into the console's messages under each area's name.
export function addAreaMessages(i18n) {
  for (const [file, mod] of Object.entries(messages)) {
    const area = areaOf(file)
    if (mod.zh) i18n.global.mergeLocaleMessage('zh-CN', { [area]: mod.zh })
    if (mod.en) i18n.global.mergeLocaleMessage('en', { [area]: mod.en })
  }
}
