/**
 * Attendance marks: one record per person and day, its id derived from both
 * (attendanceId), so two tablets marking the same person merge field by field
 * instead of creating duplicates. Undo sets the status back to null rather
 * than deleting, because a tombstone would stay dead and block a new check-in.
 */
import { attendanceId, checkInStatus } from '../../domain/attendance';
import type { TavlaDb } from '../db';
import type { AttendanceMark, AttendanceStatus, Iso } from '../../domain/types';
import { writeRecord } from '../writer';
import { liveRows } from '../../domain/rows';

export function attendanceRepo(db: TavlaDb) {
  return {
    /** A participant's own tap: present, or late after the opening time. */
    checkIn(workplaceId: string, personId: string, date: Iso, openingTime: string, at = db.now()): Promise<AttendanceMark> {
      const now = db.stamp(at); // a device never writes a stamp from its future
      return writeRecord<AttendanceMark>(
        db,
        'attendance',
        workplaceId,
        attendanceId(personId, date),
        { personId, date, status: checkInStatus(now, openingTime), checkedInAt: now, setBy: 'self' },
        { now },
      );
    },
    undoCheckIn(workplaceId: string, personId: string, date: Iso, at = db.now()): Promise<AttendanceMark> {
      const now = db.stamp(at); // a device never writes a stamp from its future
      return writeRecord<AttendanceMark>(
        db,
        'attendance',
        workplaceId,
        attendanceId(personId, date),
        { personId, date, status: null, checkedInAt: null, setBy: 'self' },
        { now },
      );
    },
    /** A supervisor's mark (present, late, sick, absent with/without notice, leave). */
    setStatus(workplaceId: string, personId: string, date: Iso, status: AttendanceStatus | null, at = db.now()) {
      const now = db.stamp(at); // a device never writes a stamp from its future
      return writeRecord<AttendanceMark>(
        db,
        'attendance',
        workplaceId,
        attendanceId(personId, date),
        { personId, date, status, setBy: 'supervisor' },
        { now },
      );
    },
    async forDay(workplaceId: string, date: Iso): Promise<AttendanceMark[]> {
      const rows = await db.attendance.where('[workplaceId+date]').equals([workplaceId, date]).toArray();
      return liveRows(rows);
    },
    async between(workplaceId: string, from: Iso, to: Iso): Promise<AttendanceMark[]> {
      const rows = await db.attendance
        .where('[workplaceId+date]')
        .between([workplaceId, from], [workplaceId, to], true, true)
        .toArray();
      return liveRows(rows);
    },
  };
}
