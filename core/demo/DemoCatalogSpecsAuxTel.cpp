// SPDX-License-Identifier: GPL-3.0-or-later
// Auxiliary Telescope CSCs (names as in ts_xml). ATMCS publishes 100-sample arrays at 1 Hz,
// as the real mount does.
#include "core/demo/DemoCatalogSpecs.h"

namespace sasquatch {

QByteArrayView DemoCatalogSpecs::auxiliaryTelescope()
{
    static constexpr char kText[] = R"spec(
CSC ATMCS - Auxiliary telescope mount control system
T trajectory 1 elevation[100]:d:deg elevationVelocity[100]:d:deg/s azimuth[100]:d:deg azimuthVelocity[100]:d:deg/s nasmyth1RotatorAngle[100]:d:deg nasmyth1RotatorAngleVelocity[100]:d:deg/s nasmyth2RotatorAngle[100]:d:deg nasmyth2RotatorAngleVelocity[100]:d:deg/s timestamp:d:s
T mount_AzEl_Encoders 1 elevationCalculatedAngle[100]:d:deg elevationEncoder1Raw[100]:d:deg elevationEncoder2Raw[100]:d:deg elevationEncoder3Raw[100]:d:deg azimuthCalculatedAngle[100]:d:deg azimuthEncoder1Raw[100]:d:deg azimuthEncoder2Raw[100]:d:deg cRIO_timestamp:d:s
T mount_Nasmyth_Encoders 1 nasmyth1CalculatedAngle[100]:d:deg nasmyth2CalculatedAngle[100]:d:deg nasmyth1Encoder1Raw[100]:d:deg nasmyth2Encoder1Raw[100]:d:deg cRIO_timestamp:d:s
T torqueDemand 1 elevationMotorTorque[100]:d:A azimuthMotor1Torque[100]:d:A azimuthMotor2Torque[100]:d:A nasmyth1MotorTorque[100]:d:A nasmyth2MotorTorque[100]:d:A m3Torque[100]:d:A cRIO_timestamp:d:s
T measuredTorque 1 elevationMotorTorque[100]:d:A azimuthMotor1Torque[100]:d:A azimuthMotor2Torque[100]:d:A nasmyth1MotorTorque[100]:d:A nasmyth2MotorTorque[100]:d:A m3Torque[100]:d:A cRIO_timestamp:d:s
T measuredMotorVelocity 1 elevationMotorVelocity[100]:d:deg/s azimuthMotor1Velocity[100]:d:deg/s azimuthMotor2Velocity[100]:d:deg/s nasmyth1MotorVelocity[100]:d:deg/s nasmyth2MotorVelocity[100]:d:deg/s m3Velocity[100]:d:deg/s cRIO_timestamp:d:s
T azEl_mountMotorEncoders 1 elevationEncoder[100]:d:deg azimuth1Encoder[100]:d:deg azimuth2Encoder[100]:d:deg elevationEncoderRaw[100]:d azimuth1EncoderRaw[100]:d azimuth2EncoderRaw[100]:d cRIO_timestamp:d:s
T nasymth_m3_mountMotorEncoders 1 nasmyth1Encoder[100]:d:deg nasmyth2Encoder[100]:d:deg m3Encoder[100]:d:deg cRIO_timestamp:d:s
E atMountState state:i
E m3State state:i
E m3PortSelected selected:i
E positionLimits minimum[5]:d:deg maximum[5]:d:deg
E target elevation:d:deg elevationVelocity:d:deg/s azimuth:d:deg azimuthVelocity:d:deg/s nasmyth1RotatorAngle:d:deg nasmyth2RotatorAngle:d:deg taiTime:d:s trackId:i tracksys:s radesys:s
E allAxesInPosition inPosition:b
E elevationInPosition inPosition:b
E azimuthInPosition inPosition:b
E nasmyth1RotatorInPosition inPosition:b
E nasmyth2RotatorInPosition inPosition:b
E m3InPosition inPosition:b
E elevationLimitSwitchLower active:b
E elevationLimitSwitchUpper active:b
E azimuthLimitSwitchCW active:b
E azimuthLimitSwitchCCW active:b
E azimuthBrake1 engaged:b
E azimuthBrake2 engaged:b
E elevationBrake engaged:b
E azimuthDrive1Status enable:b
E azimuthDrive2Status enable:b
E elevationDriveStatus enable:b
E azimuthToppleBlockCW active:b
E azimuthToppleBlockCCW active:b
E m3RotatorDetentSwitches nasmyth1Active:b nasmyth2Active:b port3Active:b
C startTracking
C trackTarget elevation:d:deg elevationVelocity:d:deg/s azimuth:d:deg azimuthVelocity:d:deg/s nasmyth1RotatorAngle:d:deg nasmyth1RotatorAngleVelocity:d:deg/s nasmyth2RotatorAngle:d:deg nasmyth2RotatorAngleVelocity:d:deg/s taiTime:d:s trackId:i tracksys:s radesys:s
C setInstrumentPort port:i
C stopTracking
C stop

CSC ATPtg - Auxiliary telescope pointing component
T currentTargetStatus 20 timestamp:d:s targetType:s airmass:d:unitless ra:d:deg declination:d:deg ha:d:h parAngle:d:deg azimuth:d:deg elevation:d:deg
T guidingAndOffsets 20 iaa:d:deg guideControlA:d:arcsec guideControlB:d:arcsec azimuthOffset:d:arcsec elevationOffset:d:arcsec
T mountPosition 20 timestamp:d:s ra:d:deg declination:d:deg azimuth:d:deg elevation:d:deg rotator:d:deg
T mountStatus 20 mjd:d:d mountRA:d:deg mountDec:d:deg mountAz:d:deg mountEl:d:deg mountRot:d:deg
T skyEnvironment 1 timestamp:d:s moonRA:d:deg moonDec:d:deg moonAz:d:deg moonEl:d:deg moonPhase:d:% sunAz:d:deg sunEl:d:deg
T timeAndDate 20 timestamp:d:s utc:d:h lst:d:h mjd:d:d
E airmassWarning airmassWarning:b
E azWrapWarning azWrapWarning:b
E currentTarget targetType:i targetName:s ra:d:deg declination:d:deg azimuth:d:deg elevation:d:deg rotPA:d:deg
E elLimitWarning elLimitWarning:b
E focusNameSelected focus:i
E iersOutOfDate iersOutOfDate:b
E moonProximityWarning moonProximityWarning:b
E mountDataWarning mountDataWarning:b
E rotWrapWarning rotWrapWarning:b
E sunProximityWarning sunProximityWarning:b
E trackPosting status:b
E weatherDataApplied ambientTemp:d:deg_C pressure:d:hPa humidity:d:%
E offsetSummary azimuthOffset:d:arcsec elevationOffset:d:arcsec
C raDecTarget targetName:s frame:i epoch:d equinox:d ra:d:h declination:d:deg rotPA:d:deg rotFrame:i rotMode:i
C azElTarget targetName:s azDegs:d:deg elDegs:d:deg rotPA:d:deg
C planetTarget planetName:i dRA:d:s/s dDec:d:arcsec/s rotPA:d:deg
C stopTracking
C startTracking
C offsetAzEl az:d:arcsec el:d:arcsec num:i
C offsetRADec type:i off1:d:arcsec off2:d:arcsec num:i
C offsetClear num:i
C offsetAbsorb num:i
C poriginOffset dx:d:mm dy:d:mm num:i
C focusName focus:i
C pointLoadModel pointingModel:s
C pointAddData
C guideControl iaa:d:deg

CSC ATDome - Auxiliary telescope dome
T position 1 mainDoorOpeningPercentage:d:% dropoutDoorOpeningPercentage:d:% azimuthPosition:d:deg
E azimuthCommandedState commandedState:i azimuth:d:deg
E azimuthState state:i homing:b
E dropoutDoorCommandedState commandedState:i
E dropoutDoorState state:i
E mainDoorCommandedState commandedState:i
E mainDoorState state:i
E shutterInPosition inPosition:b
E azimuthInPosition inPosition:b
E emergencyStop active:b
E scbLink active:b
E settingsAppliedDomeController rainSensorEnabled:b cloudSensorEnabled:b tolerance:d:deg fastVelocityLimit:d:deg/s coastVelocityLimit:d:deg/s doorMoveTimeout:d:s
E settingsAppliedDomeTcp host:s port:i connectionTimeout:d:s readTimeout:d:s
E doorEncoderExtremes mainClosed:d mainOpened:d dropoutClosed:d dropoutOpened:d
E lastAzimuthGoTo position:d:deg
E azimuthEncoderCounts counts:l
C moveAzimuth azimuth:d:deg
C closeShutter
C openShutter
C stopMotion
C homeAzimuth
C moveShutterDropoutDoor open:b
C moveShutterMainDoor open:b
C closeDropoutDoor
C openDropoutDoor

CSC ATDomeTrajectory - Auxiliary telescope dome trajectory
E telescopeVignetted vignetted:i azimuth:i shutter:i
E followingMode enabled:b
E algorithm algorithm:s configuration:s
C setFollowingMode enable:b

CSC ATHexapod - Auxiliary telescope M2 hexapod
T positionStatus 10 reportedPosition[6]:d:mm setpointPosition[6]:d:mm positionFactor[6]:d
E inPosition inPosition:b
E positionUpdate positionX:d:mm positionY:d:mm positionZ:d:mm positionU:d:deg positionV:d:deg positionW:d:deg
E settingsAppliedPivot pivotX:d:mm pivotY:d:mm pivotZ:d:mm
E settingsAppliedPositionLimits limitXYMax:d:mm limitZMin:d:mm limitZMax:d:mm limitUVMax:d:deg limitWMin:d:deg limitWMax:d:deg
E settingsAppliedVelocities systemSpeed:d:mm/s
E settingsAppliedTcp ip:s port:i readTimeout:d:s writeTimeout:d:s
E readyForCommand ready:b
C moveToPosition x:d:mm y:d:mm z:d:mm u:d:deg v:d:deg w:d:deg
C applyPositionLimits xyMax:d:mm zMin:d:mm zMax:d:mm uvMax:d:deg wMin:d:deg wMax:d:deg
C applyPositionOffset x:d:mm y:d:mm z:d:mm u:d:deg v:d:deg w:d:deg
C pivot x:d:mm y:d:mm z:d:mm
C setMaxSpeeds speed:d:mm/s
C stopAllAxes

CSC ATPneumatics - Auxiliary telescope pneumatics (M1/M2 support, mirror covers)
T m1AirPressure 1 pressure:d:Pa
T m2AirPressure 1 pressure:d:Pa
T mainAirSourcePressure 1 pressure:d:Pa
T loadCell 1 cellLoad:d:kg
E m1CoverState state:i
E m1CoverLimitSwitches cover1ClosedActive:b cover1OpenedActive:b cover2ClosedActive:b cover2OpenedActive:b cover3ClosedActive:b cover3OpenedActive:b cover4ClosedActive:b cover4OpenedActive:b
E m1VentsLimitSwitches ventsClosedActive:b ventsOpenedActive:b
E m1VentsPosition position:i
E m1State state:i
E m2State state:i
E instrumentState state:i
E mainValveState state:i
E eStop triggered:b
E powerStatus powerOnL1:b powerOnL2:b powerOnL3:b
E m1SetPressure pressure:d:Pa
E m2SetPressure pressure:d:Pa
C closeM1Cover
C openM1Cover
C closeM1CellVents
C openM1CellVents
C m1CloseAirValve
C m1OpenAirValve
C m2CloseAirValve
C m2OpenAirValve
C closeMasterAirSupply
C openMasterAirSupply
C closeInstrumentAirValve
C openInstrumentAirValve
C m1SetPressure pressure:d:Pa
C m2SetPressure pressure:d:Pa

CSC ATAOS - Auxiliary telescope active optics system
E m1CorrectionStarted pressure:d:Pa
E m1CorrectionCompleted pressure:d:Pa
E m2CorrectionStarted pressure:d:Pa
E m2CorrectionCompleted pressure:d:Pa
E hexapodCorrectionStarted hexapod_x:d:mm hexapod_y:d:mm hexapod_z:d:mm hexapod_u:d:deg hexapod_v:d:deg hexapod_w:d:deg
E hexapodCorrectionCompleted hexapod_x:d:mm hexapod_y:d:mm hexapod_z:d:mm hexapod_u:d:deg hexapod_v:d:deg hexapod_w:d:deg
E focusOffsetSummary total:d:mm userApplied:d:mm filter:d:mm disperser:d:mm wavelength:d:mm priority:d:mm
E pointingOffsetSummary total[2]:d:arcsec filter[2]:d:arcsec disperser[2]:d:arcsec
E correctionEnabled m1:b m2:b hexapod:b focus:b atspectrograph:b moveWhileExposing:b
E atspectrographCorrectionStarted focusOffset:d:mm pointingOffsets[2]:d:arcsec
E atspectrographCorrectionCompleted focusOffset:d:mm pointingOffsets[2]:d:arcsec
E detailedState substate:i
C applyCorrection elevation:d:deg azimuth:d:deg
C applyFocusOffset offset:d:mm
C applyAxisOffset axis:s offset:d
C enableCorrection m1:b m2:b hexapod:b focus:b atspectrograph:b moveWhileExposing:b
C disableCorrection m1:b m2:b hexapod:b focus:b atspectrograph:b
C resetOffset axis:s
C setWavelength wavelength:d:nm
C offset x:d:mm y:d:mm z:d:mm u:d:deg v:d:deg

CSC ATSpectrograph - Auxiliary telescope spectrograph (LATISS)
E filterInPosition inPosition:b
E disperserInPosition inPosition:b
E linearStageInPosition inPosition:b
E reportedFilterPosition slot:i name:s band:s centralWavelength:d:nm focusOffset:d:mm pointingOffsets[2]:d:arcsec
E reportedDisperserPosition slot:i name:s band:s focusOffset:d:mm pointingOffsets[2]:d:arcsec
E reportedLinearStagePosition position:d:mm
E lsState state:i
E fwState state:i
E gwState state:i
E settingsAppliedValues filterNames:s filterBands:s filterFocusOffsets:s gratingNames:s gratingBands:s instrumentPort:i linearStageMinPos:d:mm linearStageMaxPos:d:mm linearStageSpeed:d:mm/s
C changeFilter filter:i name:s band:s
C changeDisperser disperser:i name:s band:s
C moveLinearStage distanceFromHome:d:mm
C homeLinearStage
C stopAllAxes

CSC ATWhiteLight - Auxiliary telescope white light calibration source and chiller
T chillerFansSpeed 1 fan1Speed:i:rpm fan2Speed:i:rpm fan3Speed:i:rpm fan4Speed:i:rpm
T chillerTemperatures 1 setTemperature:d:deg_C supplyTemperature:d:deg_C returnTemperature:d:deg_C ambientTemperature:d:deg_C
E lampState basicState:i controllerError:i controllerState:i setPower:d:W cooldownEndTime:d:s warmupEndTime:d:s
E lampConnected connected:b
E lampOnHours hours:d:h
E chillerConnected connected:b
E chillerAlarms level1:i level21:i level22:i latchedLevel1:i
E chillerTempReached temperature:d:deg_C
E chillerWatchdog controllerState:i pumpRunning:b alarmsPresent:b warningsPresent:b
E chillerWarnings warnings:i
E shutterState commandedState:i actualState:i enabled:b
C turnLampOn power:d:W
C turnLampOff
C setChillerTemperature temperature:d:deg_C
C startCooling
C stopCooling
C openShutter
C closeShutter
C powerLampOn power:d:W
C powerLampOff

CSC ATMonochromator - Auxiliary telescope monochromator
E wavelength wavelength:d:nm
E selectedGrating gratingType:i
E entrySlitWidth width:d:mm
E exitSlitWidth width:d:mm
E settingsAppliedMonoCommunication ip:s portRange:i connectionTimeout:d:s readTimeout:d:s
E settingsAppliedMonochromatorRanges wavelengthGR1:d:nm wavelengthGR2:d:nm minSlitWidth:d:mm maxSlitWidth:d:mm
C changeWavelength wavelength:d:nm
C calibrateWavelength wavelength:d:nm
C changeSlitWidth slit:i slitWidth:d:mm
C selectGrating gratingType:i
C updateMonochromatorSetup wavelength:d:nm gratingType:i fontEntranceSlitWidth:d:mm fontExitSlitWidth:d:mm
C power on:b

CSC ATHeaderService - Auxiliary telescope header service

CSC ATOODS - Auxiliary telescope observatory operations data service
E imageInOODS camera:s obsid:s raft:s sensor:s statusCode:i description:s
E imageRetractedFromOODS camera:s obsid:s raft:s sensor:s statusCode:i description:s

CSC ATBuilding - Auxiliary telescope building ventilation
T extractionFan 1 driveFrequency:d:Hz driveVoltage:d:V
E vecPosition position:i
E extractionFanDriveFrequency driveFrequency:d:Hz
C openVentGate gate[4]:i
C closeVentGate gate[4]:i
C setExtractionFanDriveFreq targetFrequency:d:Hz
C startExtractionFan
C stopExtractionFan
)spec";
    return QByteArrayView(kText, sizeof(kText) - 1);
}

} // namespace sasquatch
