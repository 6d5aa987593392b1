// SPDX-License-Identifier: GPL-3.0-or-later
// Main telescope dome, pointing, active optics and facility CSCs (names as in ts_xml).
#include "core/demo/DemoCatalogSpecs.h"

namespace sasquatch {

QByteArrayView DemoCatalogSpecs::mainTelescopeSupport()
{
    static constexpr char kText[] = R"spec(
CSC MTDome - Main telescope dome
T apertureShutter 1 positionActual[2]:d:% positionCommanded[2]:d:% driveTorqueActual[4]:d:N~m driveTorqueCommanded[4]:d:N~m driveCurrentActual[4]:d:A driveTemperature[4]:d:deg_C encoderHeadRaw[4]:d encoderHeadCalibrated[4]:d:deg powerDraw:d:W timestampPositionActual:d:s
T azimuth 10 positionActual:d:deg positionCommanded:d:deg velocityActual:d:deg/s velocityCommanded:d:deg/s driveTorqueActual[5]:d:N~m driveTorqueCommanded[5]:d:N~m driveCurrentActual[5]:d:A driveTemperature[13]:d:deg_C encoderHeadRaw[5]:d encoderHeadCalibrated[5]:d:deg barcodeHeadRaw[3]:d barcodeHeadCalibrated[3]:d:deg barcodeHeadWeighted[3]:d:deg powerDraw:d:W timestampPositionActual:d:s
T calibrationScreen 1 positionActual:d:deg positionCommanded:d:deg driveTorqueActual:d:N~m driveTorqueCommanded:d:N~m driveCurrentActual:d:A driveTemperature:d:deg_C encoderHeadRaw:d encoderHeadCalibrated:d:deg powerDraw:d:W timestampPositionActual:d:s
T lightWindScreen 1 positionActual:d:deg positionCommanded:d:deg driveTorqueActual[2]:d:N~m driveTorqueCommanded[2]:d:N~m driveCurrentActual[2]:d:A driveTemperature[2]:d:deg_C encoderHeadRaw[2]:d encoderHeadCalibrated[2]:d:deg powerDraw:d:W timestampPositionActual:d:s
T louvers 1 positionActual[34]:d:% positionCommanded[34]:d:% driveTorqueActual[34]:d:N~m driveTorqueCommanded[34]:d:N~m driveCurrentActual[34]:d:A driveTemperature[34]:d:deg_C encoderHeadRaw[34]:d encoderHeadCalibrated[34]:d:% powerDraw:d:W timestampPositionActual:d:s
T rearAccessDoor 1 positionActual[2]:d:% positionCommanded[2]:d:% driveTorqueActual[2]:d:N~m driveCurrentActual[2]:d:A driveTemperature[2]:d:deg_C powerDraw:d:W timestampPositionActual:d:s
T thermal 1 temperature[13]:d:deg_C timestampPositionActual:d:s
E azEnabled state:i faultCode:s
E elEnabled state:i faultCode:s
E azMotion state:i inPosition:b
E elMotion state:i inPosition:b
E azTarget position:d:deg velocity:d:deg/s
E elTarget position:d:deg velocity:d:deg/s
E shutterMotion state[2]:i inPosition[2]:b
E louversMotion state[34]:i inPosition[34]:b
E lockingPinsEngaged engaged:l
E brakesEngaged brakes:l
E azConfigurationApplied positionMin:d:deg positionMax:d:deg velocityMax:d:deg/s accelerationMax:d:deg/s2 jerkMax:d:deg/s3
E operationalMode operationalMode:i subSystemId:l
E interlocks interlocks:l
E powerMode powerMode:i
E shutterEnabled state:i faultCode:s
E louversEnabled state:i faultCode:s
C moveAz position:d:deg velocity:d:deg/s
C moveEl position:d:deg
C stop engineeringMode:b subSystemIds:l
C crawlAz velocity:d:deg/s
C crawlEl velocity:d:deg/s
C setLouvers position[34]:d:%
C closeLouvers
C openShutter
C closeShutter
C park
C goStationaryAz
C goStationaryEl
C goStationaryShutter
C goStationaryLouvers
C setOperationalMode operationalMode:i subSystemIds:l
C setZeroAz
C resetDrivesAz resetAz[5]:b
C resetDrivesShutter resetShutter[4]:b
C exitFault
C fans speed:d:%
C inflate action:b
C setPowerManagementMode mode:i
C homeShutter

CSC MTDomeTrajectory - Main telescope dome trajectory (follows the mount)
E telescopeVignetted vignetted:i azimuth:i shutter:i
E followingMode enabled:b
E algorithm algorithm:s configuration:s
C setFollowingMode enable:b
C setAlgorithm algorithm:s config:s

CSC MTPtg - Main telescope pointing component
T currentTargetStatus 20 timestamp:d:s targetType:s airmass:d:unitless ra:d:deg declination:d:deg ha:d:h raHour:d:h decDegree:d:deg parAngle:d:deg azimuth:d:deg elevation:d:deg
T guidingAndOffsets 20 iaa:d:deg guideControlA:d:arcsec guideControlB:d:arcsec guideAutoClearFlag:b azimuthOffset:d:arcsec elevationOffset:d:arcsec azimuthApertureOffset:d:arcsec elevationApertureOffset:d:arcsec
T mountPosition 20 timestamp:d:s ra:d:deg declination:d:deg azimuth:d:deg elevation:d:deg rotator:d:deg
T mountStatus 20 mjd:d:d mountRA:d:deg mountDec:d:deg mountAz:d:deg mountEl:d:deg mountRot:d:deg mountRotTarget:d:deg
T skyEnvironment 1 timestamp:d:s moonRA:d:deg moonDec:d:deg moonAz:d:deg moonEl:d:deg moonPhase:d:% moonDistance:d:deg sunRA:d:deg sunDec:d:deg sunAz:d:deg sunEl:d:deg
T timeAndDate 20 timestamp:d:s utc:d:h lst:d:h mjd:d:d
T namedAzEl 1 timestamp:d:s name:s azimuth:d:deg elevation:d:deg
E airmassWarning airmassWarning:b
E azWrapWarning azWrapWarning:b
E currentTarget targetType:i targetName:s ra:d:deg declination:d:deg azimuth:d:deg elevation:d:deg rotPA:d:deg
E elLimitWarning elLimitWarning:b
E focusNameSelected focus:i
E iersOutOfDate iersOutOfDate:b
E moonProximityWarning moonProximityWarning:b
E mountDataWarning mountDataWarning:b
E objectSetWarning objectSetWarning:b
E rotWrapWarning rotWrapWarning:b
E sunProximityWarning sunProximityWarning:b
E trackPosting status:b
E weatherDataInvalid weatherDataInvalid:b
E weatherDataApplied ambientTemp:d:deg_C pressure:d:hPa humidity:d:%
E pointingModel pointingModelTermNames:s pointingModelTermValues:s
E offsetSummary azimuthOffset:d:arcsec elevationOffset:d:arcsec
C raDecTarget targetName:s frame:i epoch:d equinox:d ra:d:h declination:d:deg pmRA:d:arcsec/yr pmDec:d:arcsec/yr parallax:d:arcsec rv:d:km/s dRA:d:s/s dDec:d:arcsec/s rotPA:d:deg rotFrame:i rotMode:i
C azElTarget targetName:s azDegs:d:deg elDegs:d:deg rotPA:d:deg
C planetTarget planetName:i dRA:d:s/s dDec:d:arcsec/s rotPA:d:deg
C stopTracking
C startTracking
C offsetAzEl az:d:arcsec el:d:arcsec num:i
C offsetRADec type:i off1:d:arcsec off2:d:arcsec num:i
C offsetClear num:i
C offsetAbsorb num:i
C poriginOffset dx:d:mm dy:d:mm num:i
C poriginClear num:i
C focusName focus:i
C pointLoadModel pointingModel:s
C pointAddData
C pointNewFile
C pointCloseFile
C amLimitSet limit:d
C iersUpdate
C guideControl iaa:d:deg
C rotOffset iaa:d:deg

CSC MTAOS - Main telescope active optics system
T degreeOfFreedom 1 aggregatedDoF[50]:d visitDoF[50]:d
T cameraHexapodCorrection 1 x:d:um y:d:um z:d:um u:d:deg v:d:deg w:d:deg
T m2HexapodCorrection 1 x:d:um y:d:um z:d:um u:d:deg v:d:deg w:d:deg
T m1m3Correction 1 zForces[156]:d:N
T m2Correction 1 zForces[72]:d:N
T wavefrontError 1 sensorId:i annularZernikeCoeff[19]:d:um
E wavefrontError sensorId:i annularZernikeCoeff[19]:d:um
E rejectedDegreeOfFreedom aggregatedDoF[50]:d visitDoF[50]:d
E ofcDuration duration:d:s
E wepDuration duration:d:s calcTime:d:s
E mirrorStresses stressM1M3:d:psi stressM2:d:psi
C resetCorrection
C issueCorrection
C rejectCorrection
C selectSources sources:s
C runWEP visitId:l extraId:l useOCPS:b config:s
C runOFC userGain:d config:s
C addAberration wf[19]:d:um config:s
C interruptWEP
C interruptOFC
C offsetDOF value[50]:d
C resetOffsetDOF
C setDofMask dofMask[50]:b

CSC MTAirCompressor 1,2 Main telescope air compressors
T analogData 1 waterLevel:d:m targetSpeed:d:% motorCurrent:d:A heatsinkTemperature:d:deg_C dclinkVoltage:d:V motorSpeedPercentage:d:% motorSpeedRPM:d:rpm motorInput:d:kW compressorPowerConsumption:d:kW compressorSpeed:d:rpm compressorPressure:d:bar airOutletTemperature:d:deg_C coolantTemperature:d:deg_C
E status readyToStart:b operating:b startInhibit:b motorInverterFault:b warning:b alarm:b remoteCmdReady:b
E errors powerSupplyFailureE400:b emergencyStopActivatedE401:b highMotorTemperatureM1E402:b compressorDischargeTemperatureE403:b startTemperatureLowE404:b
E warnings serviceDueA700:b motorOverloadA701:b tempOfDischargeAirA702:b
E timerInfo runningHours:i loadedHours:i lowestServiceCounter:i runOnTimer:i
E connectionStatus connected:b
E compressorInfo softwareVersion:s serialNumber:s
C powerOn
C powerOff
C reset

CSC MTVMS 1,2,3,4 Vibration monitoring system (M1M3, TMA, camera rotator, M2)
T data 50 sensor:i accelerationX[50]:f:m/s2 accelerationY[50]:f:m/s2 accelerationZ[50]:f:m/s2
T psd 1 sensor:i minPSDFrequency:f:Hz maxPSDFrequency:f:Hz numDataPoints:i accelerationPSDX[100]:f accelerationPSDY[100]:f accelerationPSDZ[100]:f
E fpgaState ready:b timeouted:b stopped:b fifoFull:b chassisTemperature:d:deg_C
C changeSamplePeriod period:i

CSC MTEEC - Main telescope environmental control (dome HVAC)
E ventilatorState state[4]:i
E vecTargetSpeed speed:d:%
C setVentilator speed:d:%

CSC MTAlignment - Main telescope alignment (laser tracker driver)
T position 1 x:d:um y:d:um z:d:um u:d:deg v:d:deg w:d:deg
E measurementComplete target:s
C measureTarget target:s
C healthCheck

CSC LaserTracker 1 Laser tracker alignment system
T position 1 target:s x:d:um y:d:um z:d:um u:d:deg v:d:deg w:d:deg
T temperature 1 temperature:d:deg_C
E offsetsPublish target:s dX:d:um dY:d:um dZ:d:um dRX:d:deg dRY:d:deg dRZ:d:deg
E laserStatus status:i
E fieldConditions airTemperature:d:deg_C airPressure:d:hPa humidity:d:%
C align target:s
C measureTarget target:s
C measureDrift startTime:d:s
C healthCheck
C laserPower power:i

CSC MTHeaderService - Main telescope header service

CSC MTOODS - Main telescope observatory operations data service
E imageInOODS camera:s obsid:s raft:s sensor:s statusCode:i description:s
E imageRetractedFromOODS camera:s obsid:s raft:s sensor:s statusCode:i description:s
)spec";
    return QByteArrayView(kText, sizeof(kText) - 1);
}

} // namespace sasquatch
