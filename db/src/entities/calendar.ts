import { defineEntity, p } from '@mikro-orm/core';
import { CalendarDayKind } from '../vocabulary.ts';

/**
 * China's official working-day calendar, one State Council notice a year (003 Art. 34 counts
 * deadlines by it). A year is known only when it has a calendar_year row: deadlines in other
 * years are flagged, never guessed.
 */
const CalendarYearSchema = defineEntity({
  name: 'CalendarYear',
  tableName: 'calendar_year',
  properties: {
    year: p.integer().primary().autoincrement(false),
    /** where the data came from, e.g. the notice's title or the package it was read from */
    source: p.string().length(300),
    loadedAt: p.datetime().defaultRaw('now()'),
  },
});
export class CalendarYear extends CalendarYearSchema.class {}
CalendarYearSchema.setClass(CalendarYear);

/** A day that differs from the Monday–Friday rule: a public holiday or an adjusted working day. */
const CalendarDaySchema = defineEntity({
  name: 'CalendarDay',
  tableName: 'calendar_day',
  properties: {
    date: p.date().primary(),
    calendarYear: () => p.manyToOne(CalendarYear).fieldName('year').deleteRule('cascade').index(),
    kind: p.enum(CalendarDayKind.codes),
    /** 春节, 国庆节 … */
    name: p.string().length(50),
  },
});
export class CalendarDay extends CalendarDaySchema.class {}
CalendarDaySchema.setClass(CalendarDay);
