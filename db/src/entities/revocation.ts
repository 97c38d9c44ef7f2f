import { defineEntity, p } from '@mikro-orm/core';
import { RevocationGround } from '../vocabulary.ts';
import { Enterprise } from './enterprise.ts';
import { CertifiedItem } from './registry.ts';
import { recordColumns } from './record-columns.ts';

/**
 * 撤销认定决定: the committee's decision (000 Art. 16). The hub records decisions; it never
 * revokes by itself. Effects (logo stops, no reapplication for 3 years) are computed by the rules.
 */
const RevocationSchema = defineEntity({
  name: 'Revocation',
  tableName: 'revocation',
  properties: {
    id: p.integer().primary(),
    /** 决定文号 */
    decisionNo: p.string().length(100).unique(),
    decidedOn: p.date().index(),
    enterprise: () => p.manyToOne(Enterprise).index(),
    /** 撤销情形: the clause of Art. 16 */
    ground: p.enum(RevocationGround.codes),
    /** the clause text or the decision's own wording */
    groundText: p.text().nullable(),
    /** 事实与理由 */
    facts: p.text().nullable(),
    items: () => p.manyToMany(CertifiedItem).pivotTable('revocation_item'),
    ...recordColumns(),
  },
});
export class Revocation extends RevocationSchema.class {}
RevocationSchema.setClass(Revocation);
